# An HTTP/1.1 server that keeps connections alive, as nginx does: the client
# (curl) closes first, so its side of the connection stays TIME_WAIT.
import http.server
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(('0.0.0.0', int(sys.argv[1])), Handler).serve_forever()
