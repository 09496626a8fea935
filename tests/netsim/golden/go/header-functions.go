// Captures how Go's text/template renders a docker table header: the row
// template is run on the column titles with the functions docker/cli swaps in
// for headers (cli templates.HeaderFunctions: json, split, join, title, lower,
// upper and truncate return the title unchanged; pad is kept), then the header
// and rows go through text/tabwriter as formatter.Context does.
//
//	go run header-functions.go > header-functions.txt
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strings"
	"text/tabwriter"
	"text/template"
)

type row struct{ Name, Driver, Scope string }

var basic = template.FuncMap{
	"json":  func(v any) string { b, _ := json.Marshal(v); return string(b) },
	"lower": strings.ToLower,
	"upper": strings.ToUpper,
	"truncate": func(s string, n int) string {
		if len(s) < n {
			return s
		}
		return s[:n]
	},
	"pad": func(s string, before, after int) string {
		if s == "" {
			return s
		}
		return strings.Repeat(" ", before) + s + strings.Repeat(" ", after)
	},
}

var header = template.FuncMap{
	"json":     func(v string) string { return v },
	"lower":    func(v string) string { return v },
	"upper":    func(v string) string { return v },
	"truncate": func(v string, _ int) string { return v },
}

var formats = []string{
	"{{lower .Name}}\t{{.Driver | json}}\t{{truncate .Scope 2}}",
	"{{upper .Name}}:{{pad .Driver 1 1}}|{{.Scope | upper}}",
}

func main() {
	rows := []row{{"foobar_baz", "foo", "local"}, {"foobar_bar", "bar", "local"}}
	titles := map[string]string{"Name": "NAME", "Driver": "DRIVER", "Scope": "SCOPE"}
	fmt.Printf("# source: captured with Go %s text/template and text/tabwriter (10, 1, 3, ' ', 0)\n", runtime.Version())
	fmt.Printf("# script: header-functions.go\n")
	fmt.Printf("# format: each table format (after `table `) Go-quoted after \"$ \", then the output, then \"[end]\"\n")
	fmt.Printf("# ---\n")
	for _, format := range formats {
		fmt.Printf("$ %q\n", format)
		rowTemplate := template.Must(template.New("").Funcs(basic).Parse(format))
		var body bytes.Buffer
		for _, r := range rows {
			_ = rowTemplate.Execute(&body, r)
			body.WriteString("\n")
		}
		w := tabwriter.NewWriter(os.Stdout, 10, 1, 3, ' ', 0)
		_ = rowTemplate.Funcs(header).Execute(w, titles)
		w.Write([]byte{'\n'})
		body.WriteTo(w)
		w.Flush()
		fmt.Printf("[end]\n")
	}
}
