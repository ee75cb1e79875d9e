"""A real Dovecot IMAP server on loopback for the tests and the benchmark: a throwaway
configuration, mail directory and passdb file under a temporary folder, plain IMAP on
one ephemeral port and IMAPS (a self-signed certificate no client trusts) on another.

Debian's ``dovecot-imapd`` provides it; ``.ci/run`` installs it when missing.
"""

from __future__ import annotations

import datetime as dt
import grp
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

DOVECOT = shutil.which("dovecot") or ("/usr/sbin/dovecot" if Path("/usr/sbin/dovecot").exists() else None)


def _free_port() -> int:
    # Dovecot takes its ports from its configuration, so ask the kernel for free ones
    # first (a race with another process is possible but rare; start() retries).
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _self_signed(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


class Dovecot:
    def __init__(self, users: dict[str, str]) -> None:
        if DOVECOT is None:
            raise RuntimeError("dovecot is not installed (Debian: apt-get install dovecot-imapd)")
        self.users = users
        self.folder = Path(tempfile.mkdtemp(prefix="fasit-dovecot-"))
        self.port = 0
        self.tls_port = 0
        self.process: subprocess.Popen[bytes] | None = None

    def _config(self) -> Path:
        root = self.folder
        if os.getuid() == 0:
            # Dovecot never delivers mail as root: the mail belongs to its own user.
            account = pwd.getpwnam("dovecot")
            login_user = internal_user = "dovecot"
        else:
            account = pwd.getpwuid(os.getuid())
            login_user = internal_user = account.pw_name
        for sub in ("mail", "run", "state", "home"):
            (root / sub).mkdir(exist_ok=True)
            os.chown(root / sub, account.pw_uid, account.pw_gid)
        os.chmod(root, 0o755)
        cert, key = _self_signed(root)
        (root / "passwd").write_text(
            "".join(f"{user}:{{PLAIN}}{password}::::::\n" for user, password in self.users.items())
        )
        config = root / "dovecot.conf"
        config.write_text(
            f"""
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
default_internal_user = {internal_user}
default_login_user = {login_user}
default_internal_group = {grp.getgrgid(account.pw_gid).gr_name}
first_valid_uid = {account.pw_uid}
mail_location = maildir:{root}/mail/%u
disable_plaintext_auth = no
auth_mechanisms = plain login
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={account.pw_uid} gid={account.pw_gid} home={root}/home/%u
}}
namespace inbox {{
  inbox = yes
  mailbox Sent {{
    special_use = \\Sent
    auto = subscribe
  }}
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {self.tls_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service auth {{
  unix_listener auth-userdb {{
    mode = 0666
  }}
}}
service stats {{
  unix_listener stats-reader {{
    mode = 0666
  }}
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
"""
        )
        return config

    def start(self) -> Dovecot:
        for _attempt in range(3):
            self.port, self.tls_port = _free_port(), _free_port()
            config = self._config()
            self.process = subprocess.Popen(
                [DOVECOT, "-F", "-c", str(config)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline and self.process.poll() is None:
                try:
                    with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                        if sock.recv(100).startswith(b"* OK"):
                            return self
                except OSError:
                    time.sleep(0.05)
            self.stop(keep_folder=True)
        log = (self.folder / "dovecot.log").read_text() if (self.folder / "dovecot.log").exists() else ""
        raise RuntimeError(f"dovecot did not start: {log[-2000:]}")

    def stop(self, keep_folder: bool = False) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        if not keep_folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def append(self, user: str, folder: str, messages: list[bytes], *, batch: int = 500) -> None:
        """Fill a mailbox the way a mail client does: IMAP APPEND."""
        from imapclient import IMAPClient

        with IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=30) as client:
            client.login(user, self.users[user])
            if not client.folder_exists(folder):
                client.create_folder(folder)
            if hasattr(client, "multiappend") and len(messages) > 1:
                for start in range(0, len(messages), batch):
                    client.multiappend(folder, messages[start : start + batch])
            else:
                for raw in messages:
                    client.append(folder, raw)
