// Command lines whose real output bash.json holds; each runs in a fresh interactive bash.
const words = "echo -e 'alpha\\nBeta\\ngamma\\nalphabet\\nal-pha x'";
const numbers = "echo -e '3\\n10\\n2\\n10\\n1\\n-4\\n2.5\\nb\\na'";
const lines12 = "echo -e '1\\n2\\n3\\n4\\n5\\n6\\n7\\n8\\n9\\n10\\n11\\n12'";
const table = "echo -e 'root:x:0:0:root:/root:/bin/bash\\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\\nusuario:x:1000:1000:Usuario,,,:/home/usuario:/bin/bash'";
const columns = "echo -e 'web nginx 80\\ndb mariadb 3306\\napp httpd 8080\\ncache redis 6379'";
const ipAddr = "echo -e '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536\\n    inet 127.0.0.1/8 scope host lo\\n2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500\\n    inet 192.168.1.10/24 brd 192.168.1.255 scope global eth0\\n3: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500\\n    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0'";

const pipe = (producer, consumers) => consumers.map((consumer) => ({ name: `${consumer}`, input: `${producer} | ${consumer}` }));

export const CASES = [
  // Words, quoting, expansion.
  { name: 'echo', input: 'echo hello   world' },
  { name: 'echo -n', input: 'echo -n abc; echo def' },
  { name: 'echo -e', input: "echo -e 'a\\tb\\nc'" },
  { name: 'echo -e \\c', input: "echo -e 'x\\cy'; echo z" },
  { name: 'echo without -e', input: "echo 'a\\tb'" },
  { name: 'echo -- and -x', input: 'echo -- -x -n' },
  { name: 'quotes', input: 'echo "a  b"   c \'d  e\' f\\ \\ g' },
  { name: 'quotes and $', input: "echo 'single $HOME' \"double $HOME\" \\$HOME" },
  { name: 'variables', input: 'A=1; echo $A ${A}x "$A" $Ax' },
  { name: 'two assignments', input: 'A=1 B=2; echo $A$B' },
  { name: 'export', input: 'export X=5; echo $X' },
  { name: 'field splitting', input: "X='a   b  c'; echo $X; echo \"$X\"" },
  { name: 'empty variable', input: 'echo a $NOPE b "$NOPE" c' },
  { name: 'command substitution', input: 'echo $(echo one   two) "$(echo three   four)"' },
  { name: 'backquotes', input: 'echo `echo back`' },
  { name: 'substitution of lines', input: 'echo $(echo a; echo b)' },
  { name: 'nested substitution', input: 'echo $(echo $(echo deep))' },
  { name: 'substitution status', input: 'X=$(false); echo $?' },
  { name: 'tilde', input: 'echo ~ ~/x "~" a~' },
  { name: 'escaped newline', input: 'echo one \\\n   two' },
  { name: 'newline in quotes', input: 'echo "multi\nline"' },
  { name: 'comment', input: 'echo a # comment' },
  { name: 'comment line', input: '# docker container run -ti -p 8080:80 linuxtips/apache:1.0 /bin/bash' },
  { name: 'hash inside a word', input: 'echo a#b' },
  { name: 'bad substitution', input: 'echo ${A B}' },
  // Status, lists and pipes.
  { name: 'false status', input: 'false; echo $?' },
  { name: 'and or', input: 'true && echo yes || echo no' },
  { name: 'and or false', input: 'false && echo yes || echo no' },
  { name: 'or', input: 'false || echo fallback' },
  { name: 'negation', input: '! false; echo $?' },
  { name: 'command not found', input: 'nosuchcmd' },
  { name: 'command not found status', input: 'nosuchcmd; echo $?' },
  { name: 'not found in a pipe', input: 'nosuchcmd | cat; echo $?' },
  { name: 'not found at the end of a pipe', input: 'echo a | nosuch' },
  { name: 'path not found', input: './nosuch' },
  { name: 'option as command', input: '-e FOO=bar' },
  { name: 'a line and the next', input: 'echo first -p 80:80  \n   wordpress' },
  { name: 'pipe of three', input: 'echo -e "a\\nb\\nab" | grep a | wc -l' },
  { name: 'redirect to null', input: 'echo a > /dev/null; echo b' },
  { name: 'stderr to null', input: 'nosuch 2>/dev/null; echo $?' },
  { name: 'stderr into the pipe', input: 'nosuch 2>&1 | wc -l' },
  { name: 'exit in a pipe', input: 'exit 4 | true; echo still $?' },
  { name: 'cd', input: 'cd /tmp; pwd; cd /nosuch; echo $?' },
  { name: 'exit', input: 'exit 3', exits: true },
  { name: 'exit not a number', input: 'exit foo', exits: true },
  // Syntax errors.
  { name: 'trailing pipe', input: 'ls |' },
  { name: 'leading pipe', input: '| ls' },
  { name: 'double and', input: 'echo a && && b' },
  { name: 'double semicolon', input: 'echo a ;; b' },
  { name: 'redirect without a file', input: 'echo >' },
  { name: 'open double quote', input: 'echo "abc' },
  { name: 'open single quote', input: "echo 'abc" },
  { name: 'open substitution', input: 'echo $(echo a' },
  { name: 'reserved word', input: 'then' },
  { name: 'error then the next line', input: 'echo a | | b\necho after' },
  // cat
  ...pipe('echo -e "a\\nb"', ['cat', 'cat -n', 'cat -E', 'cat - nosuch', 'cat -z']),
  { name: 'cat missing file', input: 'cat nosuch; echo $?' },
  { name: 'cat a directory', input: 'cat /etc' },
  // grep
  ...pipe(words, ['grep alpha', 'grep -i beta', 'grep -v a', 'grep -w alpha', 'grep -c a', "grep -o 'al..'", 'grep -n a', "grep -E 'al(pha|xx)$'", "grep 'al\\(pha\\)*$'", 'grep -in BETA', 'grep -vc a', 'grep -ow alpha', 'grep -e alpha -e gamma', 'grep -x gamma', "grep '^[[:upper:]]'", "grep '*a'", "grep -E '^a|a$'", "grep 'pha\\|mma'", "grep -E 'l+p'", "grep 'l+p'", "grep -w 'al'", 'grep -F al-', 'grep zzz; echo $?', 'grep -q alpha; echo $?', "grep -o 'a*'"]),
  ...pipe(ipAddr, ['grep inet', "grep -o 'inet [0-9.]*'", "grep -Eo '([0-9]{1,3}\\.){3}[0-9]{1,3}'", 'grep docker', 'grep -A1 eth0']),
  { name: 'grep without a pattern', input: 'grep' },
  { name: 'grep invalid option', input: 'grep -k x' },
  { name: 'grep missing file', input: 'grep x nosuch; echo $?' },
  { name: 'grep unmatched bracket', input: "grep '[' /dev/null; echo $?" },
  { name: 'grep bracket not closed', input: "grep '[a' /dev/null" },
  { name: 'grep bracket at the end', input: "grep 'a[' /dev/null" },
  { name: 'grep class not closed', input: "grep '[[:alpha:]' /dev/null" },
  { name: 'grep -E unmatched close paren', input: "grep -E 'a)' /dev/null; echo $?" },
  ...pipe(words, ['grep -B1 gamma', 'grep -C1 Beta', 'grep -A1 a']),
  { name: 'grep unmatched paren', input: "grep -E '(' /dev/null" },
  { name: 'grep unmatched \\(', input: "grep '\\(' /dev/null" },
  { name: 'grep unmatched \\{', input: "grep 'a\\{2' /dev/null" },
  // head, tail
  ...pipe(lines12, ['head', 'head -n 3', 'head -3', 'head -n -2', 'head -c 5', 'tail', 'tail -n 2', 'tail -2', 'tail -n +10', 'tail -c 6', 'head -n x', 'head -n', 'tail -n y']),
  { name: 'head missing file', input: 'head nosuch' },
  { name: 'tail missing file', input: 'tail nosuch' },
  // wc
  ...pipe(table, ['wc', 'wc -l', 'wc -w', 'wc -c', 'wc -lw', 'wc -m']),
  { name: 'wc without newline', input: 'echo -n abc | wc -l' },
  { name: 'wc missing file', input: 'wc nosuch' },
  // sort
  ...pipe(numbers, ['sort', 'sort -r', 'sort -n', 'sort -rn', 'sort -u', 'sort -nu']),
  ...pipe(columns, ['sort -k 2', 'sort -k3 -n', 'sort -k 3,3n -r', 'sort -t: -k2']),
  { name: 'sort -k without a value', input: 'sort -k' },
  { name: 'sort -k 0', input: 'sort -k 0 /dev/null' },
  { name: 'sort missing file', input: 'sort nosuch; echo $?' },
  // cut
  ...pipe(table, ['cut -d: -f1', 'cut -d: -f1,3', 'cut -d: -f6-', 'cut -c1-4', 'cut -c2', 'cut -d: -f1 --complement', 'cut -f1', 'cut -d: -s -f2']),
  ...pipe(columns, ["cut -d' ' -f2", "cut -d ' ' -f 1,3"]),
  { name: 'cut without a list', input: 'cut /dev/null' },
  { name: 'cut two-character delimiter', input: 'cut -d:: -f1 /dev/null' },
  { name: 'cut field zero', input: 'cut -f0 /dev/null' },
  { name: 'cut decreasing range', input: 'cut -f 3-1 /dev/null' },
  { name: 'cut missing file', input: 'cut -f1 nosuch' },
  // test and [ (bash's test.c, builtin_error wording).
  { name: 'test -f -d -e', input: 'test -f /etc/passwd; echo $?; test -d /etc/passwd; echo $?; test -d /tmp && echo dir; test -e /nosuch; echo $?' },
  { name: '[ -z -n ]', input: '[ -z "" ] && echo empty; [ -n "" ]; echo $?; [ -n abc ] && echo set' },
  { name: '[ = != ]', input: '[ abc = abc ] && echo same; [ abc != abd ] && echo differ; [ abc == abd ]; echo $?' },
  { name: '[ -eq -ne -lt -gt ]', input: '[ 3 -eq 3 ] && [ 2 -ne 3 ] && [ 2 -lt 3 ] && [ 4 -gt 3 ] && [ 3 -le 3 ] && [ 3 -ge 4 ]; echo $?' },
  { name: '[ ! ]', input: '[ ! -f /tmp ] && echo not-a-file; [ ! abc = abc ]; echo $?' },
  { name: '[ -a -o ( ) ]', input: '[ 1 -eq 1 -a 2 -gt 1 ] && echo both; [ 1 -eq 2 -o x = x ] && echo either; [ \\( 1 -eq 1 \\) ] && echo paren' },
  { name: 'test and [ without arguments', input: 'test; echo $?; [ ]; echo $?; [ -f ] && echo one-word' },
  { name: '[ missing ]', input: '[ 1 -eq 1; echo $?' },
  { name: '[ integer expected ]', input: '[ a -eq 1 ]; echo $?; test 10 -lt 9x' },
  { name: '[ unary operator expected ]', input: '[ $NOPE = x ]; echo $?; [ a b ]' },
  { name: '[ binary operator expected ]', input: '[ a b c ]; echo $?' },
  { name: '[ too many arguments ]', input: '[ a = b c ]; echo $?; X="a b"; [ $X = a ]' },
  { name: '[ syntax error unexpected ]', input: '[ a = a -x ]' },
  { name: '[ ( expected ]', input: '[ \\( a = a ]; test \\( a = a b' },
  { name: 'test argument expected', input: 'test 1 -eq 1 -a' },
  // Pathname expansion (bash's pattern matching; no match leaves the word).
  { name: 'glob matches', input: 'echo /etc/passw? /etc/pass[w]d /etc/passw[!x]' },
  { name: 'glob no match', input: 'echo /nosuch/*.conf x*y; ls /nosuch/*' },
  { name: 'glob quoted', input: "echo '/etc/passw?' \"/etc/passw*\" /etc/passw\\?" },
  { name: 'glob into a variable', input: 'X=/etc/passw?; echo "$X" $X' },
  // sudo
  { name: 'sudo alone', input: 'sudo' },
  { name: 'sudo unknown command', input: 'sudo nosuch' },
  { name: 'sudo builtin', input: 'sudo cd /' },
];

/** Lines for the two other shells lessons meet: dash (Debian's sh) and BusyBox ash (Alpine, busybox), each in a fresh interactive shell. */
export const SH_CASES = ['nosuch', 'true\nnosuch', 'ls |', '| ls', 'echo "abc', 'echo $(echo a', 'exit foo', 'cd /nosuch; echo $?', "echo -e 'a\\tb'", "echo 'a\\tb'", 'then', 'echo a && && b', 'echo >', 'false; echo $?', 'echo $(echo one   two) | wc -w', 'test 1 -eq 1; echo $?', '[ 1 -eq 1', '[ a -eq 1 ]', '[ -d /tmp ] && echo dir', 'echo /nosuch/*'];
