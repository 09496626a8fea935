// Captures what Go's text/tabwriter prints with the settings docker/cli's
// formatter uses (NewWriter(out, 10, 1, 3, ' ', 0)), for the inputs below.
// docker/cli's fork differs only in measuring cells with go-runewidth.
//
//	go run tabwriter.go > tabwriter.txt
package main

import (
	"fmt"
	"os"
	"runtime"
	"text/tabwriter"
)

var inputs = []string{
	"a\tb\tc\nlonger-cell\td\ttail\nno tabs here\nx\ty\n",
	"NAME\tDRIVER\nmonimagedocker_default\tbridge\n",
	"ID\tNAME\t\nabc\tdef\t\n",
	"ONE\nTWO\tTHREE\tFOUR\nfive\tsix\n",
}

func main() {
	fmt.Printf("# source: captured with Go %s text/tabwriter, NewWriter(out, 10, 1, 3, ' ', 0)\n", runtime.Version())
	fmt.Printf("# script: tabwriter.go\n")
	fmt.Printf("# format: each input as a Go-quoted string after \"$ \", then the writer's output, then \"[end]\"\n")
	fmt.Printf("# ---\n")
	for _, input := range inputs {
		fmt.Printf("$ %q\n", input)
		w := tabwriter.NewWriter(os.Stdout, 10, 1, 3, ' ', 0)
		fmt.Fprint(w, input)
		w.Flush()
		fmt.Printf("[end]\n")
	}
}
