"""A bare JSON-RPC client over the server's stdio, for sending what a
well-behaved client library refuses to send (malformed frames, bad params)."""
import json
import os
import subprocess
import sys
import threading
import queue

from tests.helpers import ROOT


class RawServer:
    def __init__(self, *args, cwd=None):
        env = dict(os.environ, PYTHONPATH=str(ROOT), NO_COLOR="1")
        self.proc = subprocess.Popen([sys.executable, "-m", "gwlint", "lsp", *args], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd)
        self.messages: queue.Queue = queue.Queue()
        self.seen: list = []  # every message received, in order (wait() drops what it skips)
        self._id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                k, _, v = line.decode().partition(":")
                headers[k.lower()] = v.strip()
            body = out.read(int(headers["content-length"]))
            msg = json.loads(body)
            self.seen.append(msg)
            self.messages.put(msg)

    def send_raw(self, body: bytes) -> None:
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def send(self, method, params=None, request=True):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        if request:
            self._id += 1
            msg["id"] = self._id
        self.send_raw(json.dumps(msg, ensure_ascii=False).encode("utf-8"))
        return msg.get("id")

    def wait(self, pred, timeout=20):
        import time

        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no matching message")
            msg = self.messages.get(timeout=left)
            if pred(msg):
                return msg

    def request(self, method, params=None, timeout=20):
        rid = self.send(method, params)
        return self.wait(lambda m: m.get("id") == rid, timeout)

    def initialize(self, root, encodings=None, pull=False, options=None, text_document=None):
        """``root``: a folder (the workspace) or None; ``text_document``:
        more textDocument client capabilities."""
        caps = {"general": {"positionEncodings": encodings or ["utf-16"]}, "textDocument": dict(text_document or {})}
        if pull:
            caps["textDocument"]["diagnostic"] = {"dynamicRegistration": False}
        params = {"processId": None, "rootUri": root.as_uri() if root else None, "capabilities": caps}
        if options is not None:
            params["initializationOptions"] = options
        result = self.request("initialize", params)
        self.send("initialized", {}, request=False)
        return result

    def open(self, uri, text, version=1):
        self.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext",
                                                            "version": version, "text": text}}, request=False)

    def diagnostics_for(self, uri, timeout=20):
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri, timeout)["params"]["diagnostics"]

    def last_diagnostics(self, uri, until, timeout=20):
        """The diagnostics last published for ``uri`` once ``until(them)`` holds
        (whether or not wait() skipped them)."""
        import time

        deadline = time.monotonic() + timeout
        while True:
            published = [m["params"]["diagnostics"] for m in list(self.seen)
                         if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri]
            if published and until(published[-1]):
                return published[-1]
            if time.monotonic() > deadline:
                raise TimeoutError(f"diagnostics for {uri}: {published[-1:]}")
            time.sleep(0.05)

    def close(self):
        try:
            self.proc.kill()
        except OSError:
            pass
