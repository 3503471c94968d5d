import { GENERATED_MARKER, type RenderedFile } from '../renderer.js';
import type { Instruction, Stage } from './model.js';
import { exposeWithHealthcheck } from './healthcheck.js';
import { STATIC_PORT } from './layout.js';

const NGINX_IMAGE = 'nginx:stable';
const NGINX_CONF = 'nginx.conf';
/** The official image's "nginx" user; numeric for runAsNonRoot. */
const NGINX_USER = '101:101';
const HTML = '/usr/share/nginx/html';

/** Final stage serving static files with nginx, unprivileged. */
export function nginxStage(copy: Instruction): Stage {
  return {
    from: NGINX_IMAGE,
    comment: 'Runtime: nginx serves the files; no Node.js, no sources',
    steps: [
      {
        op: 'COPY',
        sources: [NGINX_CONF],
        dest: '/etc/nginx/nginx.conf',
        comment: `${NGINX_CONF} runs nginx without root: port ${STATIC_PORT}, pid and temp files in /tmp`,
      },
      { op: 'RUN', commands: [`rm -rf ${HTML}/*`] },
      copy,
      { op: 'USER', user: NGINX_USER },
      ...exposeWithHealthcheck('bash', STATIC_PORT, '/healthz'),
      { op: 'STOPSIGNAL', signal: 'SIGQUIT', comment: 'SIGQUIT: nginx finishes in-flight requests, then exits' },
      { op: 'CMD', argv: ['nginx', '-g', 'daemon off;'] },
    ],
  };
}

export { HTML as NGINX_HTML };

/** nginx.conf next to the Dockerfile in `dir` (the build context), for nginxStage's COPY. */
export function nginxConfFile(dir: string): RenderedFile {
  return { path: dir === '.' ? NGINX_CONF : `${dir}/${NGINX_CONF}`, content: nginxConf() };
}

/** nginx.conf for an unprivileged single-page-app server with a /healthz endpoint. */
function nginxConf(): string {
  return `# ${GENERATED_MARKER} (slipway generate docker). Edit freely: once this line is gone, Slipway leaves the file alone.
# Runs as a non-root user: no "user" directive, an unprivileged port, pid and temp files in /tmp.
worker_processes auto;
pid /tmp/nginx.pid;
error_log /dev/stderr warn;

events {
  worker_connections 1024;
}

http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log /dev/stdout;
  sendfile on;
  server_tokens off;
  keepalive_timeout 65;
  gzip on;
  gzip_types text/css application/javascript application/json image/svg+xml text/plain;

  client_body_temp_path /tmp/client_temp;
  proxy_temp_path /tmp/proxy_temp;
  fastcgi_temp_path /tmp/fastcgi_temp;
  uwsgi_temp_path /tmp/uwsgi_temp;
  scgi_temp_path /tmp/scgi_temp;

  server {
    listen ${STATIC_PORT};
    server_name _;
    root ${HTML};
    index index.html;

    add_header X-Content-Type-Options nosniff always;
    add_header X-Frame-Options SAMEORIGIN always;

    location = /healthz {
      access_log off;
      default_type text/plain;
      return 200 "ok\\n";
    }

    location / {
      try_files $uri $uri/ /index.html;
    }
  }
}
`;
}
