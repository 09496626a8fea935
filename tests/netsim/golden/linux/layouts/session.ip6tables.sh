# Replays, with ip6tables alone, the IPv6 rules Docker 29 keeps for
#   docker network create --ipv6 --subnet fd49:efd7:54aa::/64 v6net   (bridge br-v6net)
#   docker run -d --network v6net -p 8080:80 --name web nginx     (fd49:efd7:54aa::2)
# and captures how ip6tables and ip6tables-save print them (session.ip6tables.txt).
# Run it as root in a throwaway network namespace, from this directory:
#   sudo unshare -n bash session.ip6tables.sh > ../session.ip6tables.txt
#
# The rules, from moby docker-v29.7.2:
# * firewall_linux.go setupUserChain and iptabler.go setupIPChains run for IPv6
#   as for IPv4 (ip6tables is on by default): the same chains and jumps, with
#   `! -d ::1/128` where IPv4 has `! -d 127.0.0.0/8`.
# * setup_ip_forwarding.go setupIPv6Forwarding: the first IPv6 network turns on
#   IPv6 forwarding and sets FORWARD's policy to DROP.
# * iptabler network.go, endpoint.go and port.go for the network, the container
#   and its port, as the golden file
#   drivers/bridge/internal/iptabler/testdata/TestIptabler/hairpin=false,internal=false,icc=true,masq=true,snat=false,gwm=nat,bindlh=false__ip6tables.golden
#   shows them: the DNAT leaves out link-local sources and brackets the address.
export LANG=C.UTF-8
set -u
run() { echo "\$ $*"; "$@" 2>&1; echo "[exit $?]"; }
ip6tables -N DOCKER-USER
ip6tables -A FORWARD -j DOCKER-USER
ip6tables -t nat -N DOCKER
ip6tables -N DOCKER
ip6tables -N DOCKER-FORWARD
ip6tables -N DOCKER-BRIDGE
ip6tables -N DOCKER-CT
ip6tables -N DOCKER-INTERNAL
ip6tables -A FORWARD -j DOCKER-FORWARD
ip6tables -A DOCKER-FORWARD -j DOCKER-CT
ip6tables -A DOCKER-FORWARD -j DOCKER-INTERNAL
ip6tables -A DOCKER-FORWARD -j DOCKER-BRIDGE
ip6tables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
ip6tables -t nat -A OUTPUT ! -d ::1/128 -m addrtype --dst-type LOCAL -j DOCKER
ip6tables -P FORWARD DROP
ip6tables -A DOCKER ! -i br-v6net -o br-v6net -j DROP
ip6tables -A DOCKER-BRIDGE -o br-v6net -j DOCKER
ip6tables -A DOCKER-CT -o br-v6net -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
ip6tables -A DOCKER-FORWARD -i br-v6net -j ACCEPT
ip6tables -t nat -I POSTROUTING -s fd49:efd7:54aa::/64 ! -o br-v6net -j MASQUERADE
ip6tables -t raw -A PREROUTING -d fd49:efd7:54aa::2/128 ! -i br-v6net -j DROP
ip6tables -t nat -A DOCKER ! -s fe80::/10 ! -i br-v6net -p tcp -m tcp --dport 8080 -j DNAT --to-destination [fd49:efd7:54aa::2]:80
ip6tables -I DOCKER -d fd49:efd7:54aa::2/128 ! -i br-v6net -o br-v6net -p tcp -m tcp --dport 80 -j ACCEPT

echo "# source: captured with iptables $(dpkg-query -W -f='${Version}' iptables) ($(ip6tables -V)) on Debian $(cat /etc/debian_version), Linux $(uname -r), as root in a fresh network namespace (unshare -n)"
echo "# script: layouts/session.ip6tables.sh (Docker 29's IPv6 rules for bridge br-v6net, subnet fd49:efd7:54aa::/64, container fd49:efd7:54aa::2 publishing 8080->80)"
echo "# format: each command as \"\$ COMMAND\", then its stdout and stderr as printed, then \"[exit N]\"; ip6tables-save's times vary"
echo "# ---"
run ip6tables -S
run ip6tables -t nat -S
run ip6tables -t raw -S
run ip6tables -L -n
run ip6tables -t nat -L -n
run ip6tables -t nat -L -n -v
run ip6tables -t nat -L
run ip6tables -L DOCKER -n -v
run ip6tables-save
run ip6tables -A INPUT -s 300::1::2 -j DROP
run ip6tables --bogus
run ip6tables -N DOCKER
run setpriv --reuid=65534 --regid=65534 --clear-groups ip6tables -L
run setpriv --reuid=65534 --regid=65534 --clear-groups ip6tables-save
