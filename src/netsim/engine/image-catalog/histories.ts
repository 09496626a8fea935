import type { ImageHistoryEntry } from '../images';

/**
 * The config history of the catalog's images whose history is known, by their
 * index digest, oldest first: what `docker history` lists (image-history.ts). Out
 * of the catalog itself so that these long lines come with `docker history`'s
 * own module, not with every terminal. Sources: docker-library/repo-info's
 * remote/latest.md at the commit each image's entry in official.ts names (the
 * amd64 Dockerfile lines, to the second), written as each builder records them.
 */
export const IMAGE_HISTORIES: Readonly<Record<string, readonly ImageHistoryEntry[]>> = {
  // alpine
  // repo-info's Dockerfile lines, as BuildKit recorded them (`# buildkit`), with the
  // comment BuildKit's Dockerfile frontend gives every step.
  'sha256:5b02b42e375f7426f8d65c3af331ca05d9878f9989230354504e0b9dfd431f60': [
    {
      created: '2026-09-17T20:37:20Z',
      createdBy: 'ADD alpine-minirootfs-3.24.2-x86_64.tar.gz / # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-09-17T20:37:20Z',
      createdBy: 'CMD ["/bin/sh"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
  ],
  // busybox
  // repo-info's one line, which it writes `RUN BusyBox ...`: docker-library/busybox's builder records
  // the build's description alone, with no comment (as `docker history busybox` shows it).
  'sha256:dc2d74b28e4cf8984fa52af1f39bc7c3d9c73760b41a74d629f5d11b1ab28616': [
    {
      created: '2026-05-13T02:21:49Z',
      createdBy: 'BusyBox 1.38.0 (glibc), Debian 13',
      comment: '',
      emptyLayer: false,
    },
  ],
  // debian
  // repo-info's one line (`RUN # debian.sh ...`): debuerreotype records the command as a comment,
  // and names itself in the entry's comment. ~: its version, 0.17, is the one trixie images of 2026 carry.
  'sha256:34cd9e9fd437c0a095ec39cb2e73422c9f30821b0d0848ed74fd0d43bae4d958': [
    {
      created: '2026-08-03T00:00:00Z',
      createdBy: "# debian.sh --arch 'amd64' out/ 'trixie' '@1785715200'",
      comment: 'debuerreotype 0.17',
      emptyLayer: false,
    },
  ],
  // nginx
  // repo-info's amd64 Dockerfile lines, to the second, as the builders record them: debuerreotype's
  // base step with its comment, BuildKit's `RUN /bin/sh -c ... # buildkit` (repo-info drops the
  // shell), and the other instructions as they are. The COPY layers hold one file each, of the size
  // nginx/docker-nginx 0d7f438 mainline/debian has (a real `docker history nginx` shows them so:
  // 4.62kB, 3.02kB, 389B, 2.12kB, 1.62kB); ~: the base's and the RUN's share of the rest.
  'sha256:5a88c9c45479443d7be2eadc894b4ed0a9801bae03d97a5760ae13b5c2005942': [
    {
      created: '2026-07-13T00:00:00Z',
      createdBy: "# debian.sh --arch 'amd64' out/ 'trixie' '@1783900800'",
      comment: 'debuerreotype 0.17',
      emptyLayer: false,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'ENV NGINX_VERSION=1.31.3',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'ENV NJS_VERSION=1.0.0',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'ENV NJS_RELEASE=1~trixie',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'ENV ACME_VERSION=0.4.1',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'ENV PKG_RELEASE=1~trixie',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'ENV DYNPKG_RELEASE=1~trixie',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy:
        'RUN /bin/sh -c set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     &&     NGINX_GPGKEYS="573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62 8540A6F18833A80E9C1653A42FD21310B49F6B46 9E9BE90EACBCDE69FE9B204CBCDCD8A38D88A2B3";     NGINX_GPGKEY_PATH=/etc/apt/keyrings/nginx-archive-keyring.gpg;     export GNUPGHOME="$(mktemp -d)";     found=\'\';     for NGINX_GPGKEY in $NGINX_GPGKEYS; do     for server in         hkp://keyserver.ubuntu.com:80         pgp.mit.edu     ; do         echo "Fetching GPG key $NGINX_GPGKEY from $server";         gpg1 --batch --keyserver "$server" --keyserver-options timeout=10 --recv-keys "$NGINX_GPGKEY" && found=yes && break;     done;     test -z "$found" && echo >&2 "error: failed to fetch GPG key $NGINX_GPGKEY" && exit 1;     done;     gpg1 --batch --export $NGINX_GPGKEYS > "$NGINX_GPGKEY_PATH" ;     rm -rf "$GNUPGHOME";     apt-get remove --purge --auto-remove -y gnupg1 && rm -rf /var/lib/apt/lists/*     && dpkgArch="$(dpkg --print-architecture)"     && nginxPackages="         nginx=${NGINX_VERSION}-${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}+${NJS_VERSION}-${NJS_RELEASE}         nginx-module-acme=${NGINX_VERSION}+${ACME_VERSION}-${PKG_RELEASE}     "     && case "$dpkgArch" in         amd64|arm64)             echo "deb [signed-by=$NGINX_GPGKEY_PATH] https://nginx.org/packages/mainline/debian/ trixie nginx" >> /etc/apt/sources.list.d/nginx.list             && apt-get update             ;;         *)             tempDir="$(mktemp -d)"             && chmod 777 "$tempDir"                         && savedAptMark="$(apt-mark showmanual)"                         && apt-get update             && apt-get install --no-install-recommends --no-install-suggests -y                 cargo                 curl                 devscripts                 equivs                 git                 libxml2-utils                 lsb-release                 xsltproc             && (                 cd "$tempDir"                 && export CARGO_HOME="$tempDir/.cargo"                 && REVISION="${NGINX_VERSION}-${PKG_RELEASE}"                 && REVISION=${REVISION%~*}                 && curl -f -L -O https://github.com/nginx/pkg-oss/archive/${REVISION}.tar.gz                 && PKGOSSCHECKSUM="524b75cc72657ce77d90cd25c305aba0a19a7f8a3e5dec8e1cc585cd7985663a444c7873e9040b4576285b49ac117c1ea4bb4077dc592eca52316935e1f75adf *${REVISION}.tar.gz"                 && if [ "$(openssl sha512 -r ${REVISION}.tar.gz)" = "$PKGOSSCHECKSUM" ]; then                     echo "pkg-oss tarball checksum verification succeeded!";                 else                     echo "pkg-oss tarball checksum verification failed!";                     exit 1;                 fi                 && tar xzvf ${REVISION}.tar.gz                 && cd pkg-oss-${REVISION}                 && cd debian                 && for target in base module-geoip module-image-filter module-njs module-xslt module-acme; do                     make rules-$target;                     mk-build-deps --install --tool="apt-get -o Debug::pkgProblemResolver=yes --no-install-recommends --yes"                         debuild-$target/nginx-$NGINX_VERSION/debian/control;                 done                 && make base module-geoip module-image-filter module-njs module-xslt module-acme             )                         && apt-mark showmanual | xargs apt-mark auto > /dev/null             && { [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; }                         && ls -lAFh "$tempDir"             && ( cd "$tempDir" && dpkg-scanpackages . > Packages )             && grep \'^Package: \' "$tempDir/Packages"             && echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list             && apt-get -o Acquire::GzipIndexes=false update             ;;     esac         && apt-get install --no-install-recommends --no-install-suggests -y                         $nginxPackages                         gettext-base                         curl     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list         && if [ -n "$tempDir" ]; then         apt-get purge -y --auto-remove         && rm -rf "$tempDir" /etc/apt/sources.list.d/temp.list;     fi     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'COPY docker-entrypoint.sh / # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 1620,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 2125,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 389,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 3018,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 4619,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'ENTRYPOINT ["/docker-entrypoint.sh"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'EXPOSE map[80/tcp:{}]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'STOPSIGNAL SIGQUIT',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-07-15T23:30:55Z',
      createdBy: 'CMD ["nginx" "-g" "daemon off;"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
  ],
  // httpd
  // repo-info's amd64 Dockerfile lines, as for nginx; WORKDIR made a layer, the empty tar 4f4fb700ef54
  // (nothing unpacked); ~: the other layers' share of the unpacked size.
  'sha256:454942557d44332cd7e4ae415e7ec9b4dbbf01b4a042491f423fcaf10a32ce9f': [
    {
      created: '2026-09-18T00:00:00Z',
      createdBy: "# debian.sh --arch 'amd64' out/ 'trixie' '@1789689600'",
      comment: 'debuerreotype 0.17',
      emptyLayer: false,
    },
    {
      created: '2026-09-19T00:18:47Z',
      createdBy: 'ENV HTTPD_PREFIX=/usr/local/apache2',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-09-19T00:18:47Z',
      createdBy: 'ENV PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-09-19T00:18:47Z',
      createdBy: 'RUN /bin/sh -c mkdir -p "$HTTPD_PREFIX" \t&& chown www-data:www-data "$HTTPD_PREFIX" # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-09-19T00:18:47Z',
      createdBy: 'WORKDIR /usr/local/apache2',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
      size: 0,
    },
    {
      created: '2026-09-19T00:18:52Z',
      createdBy:
        'RUN /bin/sh -c set -eux; \tapt-get install --update -y --no-install-recommends \t\tca-certificates \t\tlibaprutil1-ldap \t\tlibldap-common \t; \tapt-get dist-clean # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-09-19T00:18:52Z',
      createdBy: 'ENV HTTPD_VERSION=2.4.68',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-09-19T00:18:52Z',
      createdBy: 'ENV HTTPD_SHA256=68c74d4df38c26bed4dfbdb8f3baf1eb532f3872357becc1bba5d136f6b63c06',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-09-19T00:18:52Z',
      createdBy: 'ENV HTTPD_PATCHES=',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-09-19T00:20:50Z',
      createdBy:
        'RUN /bin/sh -c set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get install --update -y --no-install-recommends \t\tbzip2 \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibapr1-dev \t\tlibaprutil1-dev \t\tlibbrotli-dev \t\tlibcurl4-openssl-dev \t\tlibjansson-dev \t\tliblua5.2-dev \t\tlibnghttp2-dev \t\tlibpcre2-dev \t\tlibssl-dev \t\tlibxml2-dev \t\tmake \t\tpatch \t\twget \t\tzlib1g-dev \t; \t\tddist() { \t\tlocal f="$1"; shift; \t\tlocal distFile="$1"; shift; \t\tlocal success=; \t\tlocal distUrl=; \t\tfor distUrl in \t\t\thttps://dlcdn.apache.org/ \t\t\thttps://archive.apache.org/dist/ \t\t; do \t\t\tif wget -O "$f" "$distUrl$distFile" && [ -s "$f" ]; then \t\t\t\tsuccess=1; \t\t\t\tbreak; \t\t\tfi; \t\tdone; \t\t[ -n "$success" ]; \t}; \t\tddist \'httpd.tar.bz2\' "httpd/httpd-$HTTPD_VERSION.tar.bz2"; \techo "$HTTPD_SHA256 *httpd.tar.bz2" | sha256sum -c -; \t\tddist \'httpd.tar.bz2.asc\' "httpd/httpd-$HTTPD_VERSION.tar.bz2.asc"; \texport GNUPGHOME="$(mktemp -d)"; \tfor key in \t\tDE29FB3971E71543FD2DC049508EAEC5302DA568 \t\t13155B0E9E634F42BF6C163FDDBA64BA2C312D2F \t\t8B39757B1D8A994DF2433ED58B3A601F08C975E5 \t\t31EE1A81B8D066548156D37B7D6DBFD1F08E012A \t\tA10208FEC3152DD7C0C9B59B361522D782AB7BD1 \t\t3DE024AFDA7A4B15CB6C14410F81AA8AB0D5F771 \t\tEB138C6AF0FC691001B16D93344A844D751D7F27 \t\tCBA5A7C21EC143314C41393E5B968010E04F9A89 \t\t3C016F2B764621BB549C66B516A96495E2226795 \t\t937FB3994A242BA9BF49E93021454AF0CC8B0F7E \t\tEAD1359A4C0F2D37472AAF28F55DF0293A4E7AC9 \t\t4C1EADADB4EF5007579C919C6635B6C0DE885DD3 \t\t01E475360FCCF1D0F24B9D145D414AE1E005C9CB \t\t92CCEF0AA7DD46AC3A0F498BCA6939748103A37E \t\tD395C7573A68B9796D38C258153FA0CD75A67692 \t\tFA39B617B61493FD283503E7EED1EA392261D073 \t\t984FB3350C1D5C7A3282255BB31B213D208F5064 \t\tFE7A49DAA875E890B4167F76CCB2EB46E76CF6D0 \t\t39F6691A0ECF0C50E8BB849CF78875F642721F00 \t\t29A2BA848177B73878277FA475CAA2A3F39B3750 \t\t120A8667241AEDD4A78B46104C042818311A3DE5 \t\t453510BDA6C5855624E009236D0BC73A40581837 \t\t0DE5C55C6BF3B2352DABB89E13249B4FEC88A0BF \t\t7CDBED100806552182F98844E8E7E00B4DAA1988 \t\tA8BA9617EF3BCCAC3B29B869EDB105896F9522D8 \t\t3E6AC004854F3A7F03566B592FF06894E55B0D0E \t\t5B5181C2C0AB13E59DA3F7A3EC582EB639FF092C \t\tA93D62ECC3C8EA12DB220EC934EA76E6791485A8 \t\t65B2D44FE74BD5E3DE3AC3F082781DE46D5954FA \t\t8935926745E1CE7E3ED748F6EC99EE267EB5F61A \t\tE3480043595621FE56105F112AB12A7ADC55C003 \t\t93525CFCF6FDFFB3FD9700DD5A4B10AE43B56A27 \t\tC55AB7B9139EB2263CD1AABC19B033D1760C227B \t\t26F51EF9A82F4ACB43F1903ED377C9E7D1944C66 \t; do \t\tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key"; \tdone; \tgpg --batch --verify httpd.tar.bz2.asc httpd.tar.bz2; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" httpd.tar.bz2.asc; \t\tmkdir -p src; \ttar -xf httpd.tar.bz2 -C src --strip-components=1; \trm httpd.tar.bz2; \tcd src; \t\tpatches() { \t\twhile [ "$#" -gt 0 ]; do \t\t\tlocal patchFile="$1"; shift; \t\t\tlocal patchSha256="$1"; shift; \t\t\tddist "$patchFile" "httpd/patches/apply_to_$HTTPD_VERSION/$patchFile"; \t\t\techo "$patchSha256 *$patchFile" | sha256sum -c -; \t\t\tpatch -p0 < "$patchFile"; \t\t\trm -f "$patchFile"; \t\tdone; \t}; \tpatches $HTTPD_PATCHES; \t\tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \tCFLAGS="$(dpkg-buildflags --get CFLAGS)"; \tCPPFLAGS="$(dpkg-buildflags --get CPPFLAGS)"; \tLDFLAGS="$(dpkg-buildflags --get LDFLAGS)"; \t./configure \t\t--build="$gnuArch" \t\t--prefix="$HTTPD_PREFIX" \t\t--enable-mods-shared=reallyall \t\t--enable-mpms-shared=all \t\t--enable-pie \t\tCFLAGS="-pipe $CFLAGS" \t\tCPPFLAGS="$CPPFLAGS" \t\tLDFLAGS="-Wl,--as-needed $LDFLAGS" \t; \tmake -j "$(nproc)"; \tmake install; \t\tcd ..; \trm -r src man manual; \t\tsed -ri \t\t-e \'s!^(\\s*CustomLog)\\s+\\S+!\\1 /proc/self/fd/1!g\' \t\t-e \'s!^(\\s*ErrorLog)\\s+\\S+!\\1 /proc/self/fd/2!g\' \t\t-e \'s!^(\\s*TransferLog)\\s+\\S+!\\1 /proc/self/fd/1!g\' \t\t-e \'s!^(\\s*User)\\s+daemon\\s*$!\\1 www-data!g\' \t\t-e \'s!^(\\s*Group)\\s+daemon\\s*$!\\1 www-data!g\' \t\t"$HTTPD_PREFIX/conf/httpd.conf" \t\t"$HTTPD_PREFIX/conf/extra/httpd-ssl.conf" \t; \tgrep -E \'^\\s*User www-data$\' "$HTTPD_PREFIX/conf/httpd.conf"; \tgrep -E \'^\\s*Group www-data$\' "$HTTPD_PREFIX/conf/httpd.conf"; \t\tapt-mark auto \'.*\' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; \tfind /usr/local -type f -executable -exec ldd \'{}\' \';\' \t\t| awk \'/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); printf "*%s\\n", so }\' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -r apt-mark manual \t; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tapt-get dist-clean; \t\thttpd -v # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-09-19T00:20:50Z',
      createdBy: 'STOPSIGNAL SIGWINCH',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-09-19T00:20:50Z',
      createdBy: 'COPY httpd-foreground /usr/local/bin/ # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    },
    {
      created: '2026-09-19T00:20:50Z',
      createdBy: 'EXPOSE map[80/tcp:{}]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
    {
      created: '2026-09-19T00:20:50Z',
      createdBy: 'CMD ["httpd-foreground"]',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: true,
    },
  ],
};
