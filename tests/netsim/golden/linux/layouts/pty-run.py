# Runs a command under a pseudo-terminal of ROWS x COLS, types KEYS into it
# (each key string after a pause, so the program reads them one at a time), and
# writes everything the terminal received, byte for byte, to stdout.
#   python3 pty-run.py ROWS COLS KEYS_JSON -- COMMAND...
import fcntl, json, os, pty, select, struct, sys, termios, time

rows, cols, keys = int(sys.argv[1]), int(sys.argv[2]), json.loads(sys.argv[3])
command = sys.argv[sys.argv.index('--') + 1:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
out = bytearray()

def drain(seconds):
    end = time.time() + seconds
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return False
            if not data:
                return False
            out.extend(data)
    return True

drain(1.0)
for key in keys:
    os.write(fd, key.encode())
    if not drain(0.7):
        break
drain(1.5)
_, status = os.waitpid(pid, os.WNOHANG) if True else (0, 0)
sys.stdout.buffer.write(bytes(out))
