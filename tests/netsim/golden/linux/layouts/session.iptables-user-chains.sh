# Replays the user-chain session of session.iptables-user-chains.txt (run as root).
# Run it in a throwaway namespace: sudo unshare -n bash session.iptables-user-chains.sh
run() { echo "\$ $*"; "$@" 2>&1; echo "[exit $?]"; }
run iptables -N DOCKER-USER
run iptables -N DOCKER-USER
run iptables -A FORWARD -j DOCKER-USER
run iptables -A NOSUCH -j ACCEPT
run iptables -A DOCKER-USER -j NOSUCHTARGET
run iptables -I DOCKER-USER -s 10.0.0.0/8 -j DROP
run iptables -I DOCKER-USER 5 -j DROP
run iptables -A DOCKER-USER -p tcp --dport 80 -j ACCEPT
run iptables -A DOCKER-USER --dport 80 -j ACCEPT
run iptables -A DOCKER-USER -s 300.1.1.1 -j ACCEPT
run iptables -A DOCKER-USER -i eth0 ! -s 192.168.1.0/24 -m conntrack --ctstate NEW -j REJECT
run iptables -A DOCKER-USER -s 10.1.2.3/8 -d 172.17.0.2 -o docker0 -p udp --dport 53 -j RETURN
run iptables -S DOCKER-USER
run iptables -X DOCKER-USER
run iptables -D DOCKER-USER -s 10.0.0.1 -j DROP
run iptables -D DOCKER-USER 9
run iptables -D DOCKER-USER 1
run iptables -D DOCKER-USER -p tcp --dport 80 -j ACCEPT
run iptables -S DOCKER-USER
run iptables -P FORWARD DROP
run iptables -P DOCKER-USER DROP
run iptables -P FORWARD FOO
run iptables -F NOSUCH
run iptables -F DOCKER-USER
run iptables -D FORWARD -j DOCKER-USER
run iptables -N EMPTY-NOT
run iptables -A EMPTY-NOT -j ACCEPT
run iptables -X EMPTY-NOT
run iptables -X DOCKER-USER
run iptables -X NOSUCH
run iptables -A
run iptables -N
run iptables -S
