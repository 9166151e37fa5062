"""Blocking calls in one thread while another runs (the GIL is released
around them): a server thread blocks in accept() and recv() while the main
thread connects and talks; socketserver's threading server serves a
request."""
import socket
import socketserver
import threading

srv = socket.create_server(('127.0.0.1', 0))
port = srv.getsockname()[1]
log = []


def serve():
    conn, _ = srv.accept()          # blocks until the main thread connects
    with conn:
        while True:
            data = conn.recv(100)   # blocks between the client's sends
            if not data:
                break
            log.append(data)
            conn.sendall(data[::-1])


t = threading.Thread(target=serve)
t.start()
with socket.create_connection(('127.0.0.1', port)) as c:
    for word in (b'first', b'second', b'third'):
        c.sendall(word)
        print(c.recv(100))
t.join()
srv.close()
print(log)


class Upper(socketserver.StreamRequestHandler):
    def handle(self):
        self.wfile.write(self.rfile.readline().upper())


with socketserver.ThreadingTCPServer(('127.0.0.1', 0), Upper) as server:
    th = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.01})
    th.start()
    with socket.create_connection(server.server_address) as c:
        c.sendall(b'hello socketserver\n')
        print(c.makefile('rb').readline())
    server.shutdown()
    th.join()
print('done')
