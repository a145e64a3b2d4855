#!/usr/bin/python3
"""A fake SPARQL Graph Store for the push tests, on 127.0.0.1 and a free port.
Usage: fake_store.py MODE DIR
  MODE: comma-separated answers, one per PUT, the last one repeated:
        an HTTP status (201, 503, 401, 403...) or "drop" (read half the body,
        then close the connection without answering).
Writes DIR/port once listening and appends "PUT <path> <lines> -> <answer>"
to DIR/log for every request."""
import http.server
import os
import socket
import sys

answers = sys.argv[1].split(",")
folder = sys.argv[2]
count = 0


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_PUT(self):
        global count
        answer = answers[min(count, len(answers) - 1)]
        count += 1
        length = int(self.headers.get("Content-Length", "0"))
        if answer == "drop":
            self.rfile.read(length // 2)
            with open(os.path.join(folder, "log"), "a") as log:
                log.write("PUT %s ? -> drop\n" % self.path)
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
            return
        body = self.rfile.read(length).decode("utf-8")
        with open(os.path.join(folder, "log"), "a") as log:
            log.write("PUT %s %d -> %s\n" % (self.path, body.count("\n"), answer))
        status = int(answer)
        self.send_response(status)
        message = b"stored" if status < 300 else b"<html><body>no: test refusal</body></html>"
        self.send_header("Content-Length", str(len(message)))
        self.end_headers()
        self.wfile.write(message)


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
with open(os.path.join(folder, "port.tmp"), "w") as f:
    f.write(str(server.server_address[1]))
os.rename(os.path.join(folder, "port.tmp"), os.path.join(folder, "port"))
server.serve_forever()
