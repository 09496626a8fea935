/**
 * `curl --version` of Debian 13's curl 8.14.1-2+deb13u4 (the package's libcurl
 * built with OpenSSL, nghttp2, nghttp3, libssh2, librtmp and OpenLDAP), as a
 * trixie host prints it: src/tool_help.c tool_version_info writes the first line
 * from curl_version(), then Release-Date, Protocols and Features.
 */
export const CURL_VERSION_TEXT =
  'curl 8.14.1 (x86_64-pc-linux-gnu) libcurl/8.14.1 OpenSSL/3.5.6 zlib/1.3.1 brotli/1.1.0 zstd/1.5.7 libidn2/2.3.8 libpsl/0.21.2 libssh2/1.11.1 nghttp2/1.64.0 nghttp3/1.8.0 librtmp/2.3 OpenLDAP/2.6.10\n' +
  'Release-Date: 2025-06-04, security patched: 8.14.1-2+deb13u4\n' +
  'Protocols: dict file ftp ftps gopher gophers http https imap imaps ipfs ipns ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp ws wss\n' +
  'Features: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTP3 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd\n';
