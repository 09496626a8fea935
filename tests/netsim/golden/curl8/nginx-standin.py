# A stand-in for the simulated nginx 1.31.3: the same status lines, headers (in
# nginx's order) and bodies as src/netsim/userland/web-servers.ts, over HTTP/1.1
# keep-alive, on 0.0.0.0:80 and [::]:80 (IPV6_V6ONLY), as the image's default.conf.
import email.utils, socket, threading, time

WELCOME = open(__file__.replace('nginx-standin.py', 'nginx-welcome.html'), 'rb').read()
NOT_FOUND = b'<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.31.3</center>\r\n</body>\r\n</html>\r\n'

def respond(method, path):
    date = email.utils.formatdate(usegmt=True)
    if path in ('/', '/index.html'):
        head = ['HTTP/1.1 200 OK', 'Server: nginx/1.31.3', f'Date: {date}', 'Content-Type: text/html', f'Content-Length: {len(WELCOME)}',
                'Last-Modified: Tue, 28 Oct 2025 12:05:10 GMT', 'Connection: keep-alive', 'ETag: "6900b176-267"', 'Accept-Ranges: bytes']
        body = WELCOME
    else:
        head = ['HTTP/1.1 404 Not Found', 'Server: nginx/1.31.3', f'Date: {date}', 'Content-Type: text/html', f'Content-Length: {len(NOT_FOUND)}', 'Connection: keep-alive']
        body = NOT_FOUND
    return ('\r\n'.join(head) + '\r\n\r\n').encode() + (b'' if method == 'HEAD' else body)

def serve(conn):
    data = b''
    while True:
        chunk = conn.recv(4096)
        if not chunk:
            conn.close(); return
        data += chunk
        while b'\r\n\r\n' in data:
            request, data = data.split(b'\r\n\r\n', 1)
            method, path, _ = request.split(b'\r\n')[0].decode().split(' ')
            conn.sendall(respond(method, path))

def listen(family, address):
    s = socket.socket(family)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if family == socket.AF_INET6:
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
    s.bind((address, 80)); s.listen(511)
    while True:
        c, _ = s.accept()
        threading.Thread(target=serve, args=(c,), daemon=True).start()

threading.Thread(target=listen, args=(socket.AF_INET, '0.0.0.0'), daemon=True).start()
threading.Thread(target=listen, args=(socket.AF_INET6, '::'), daemon=True).start()
time.sleep(3600)
