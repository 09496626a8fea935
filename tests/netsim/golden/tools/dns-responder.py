#!/usr/bin/env python3
"""A stand-in for Docker's embedded DNS server (libnetwork resolver.go): answers A
queries for the names given on the command line with TTL 600, flags qr rd ra,
no EDNS record and no name compression (miekg/dns with Compress=false), and
NXDOMAIN otherwise. Usage: dns-responder.py ADDRESS PORT name=ip ..."""
import socket
import struct
import sys

address, port, *pairs = sys.argv[1:]
table = dict(pair.split('=') for pair in pairs)
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind((address, int(port)))
while True:
    query, client = sock.recvfrom(4096)
    qid, flags = struct.unpack('>HH', query[:4])
    at, labels = 12, []
    while query[at]:
        labels.append(query[at + 1:at + 1 + query[at]].decode())
        at += 1 + query[at]
    question = query[12:at + 5]
    qtype = struct.unpack('>H', query[at + 1:at + 3])[0]
    name = '.'.join(labels).lower()
    answer = b''
    rcode = 3
    if name in table:
        rcode = 0
        if qtype == 1:
            answer = query[12:at + 1] + struct.pack('>HHIH', 1, 1, 600, 4) + socket.inet_aton(table[name])
    header = struct.pack('>HHHHHH', qid, 0x8180 | rcode, 1, 1 if answer else 0, 0, 0)
    sock.sendto(header + question + answer, client)
