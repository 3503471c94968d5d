import { GENERATED_MARKER } from '../renderer.js';
import type { Instruction, Stage } from './model.js';
import { healthcheck } from './healthcheck.js';
import { STATIC_PORT } from './layout.js';
import type { StrategyContext } from './strategies/types.js';

export const NGINX_IMAGE = 'nginx:stable';
export const NGINX_CONF = 'nginx.conf';
/** The official image's "nginx" user; numeric for runAsNonRoot. */
const NGINX_USER = '101:101';
const HTML = '/usr/share/nginx/html';

/** Final stage serving static files with nginx, unprivileged. */
export function nginxStage(ctx: StrategyContext, copy: Instruction): Stage {
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
      { op: 'EXPOSE', port: STATIC_PORT },
      healthcheck('bash', STATIC_PORT, '/healthz'),
      { op: 'STOPSIGNAL', signal: 'SIGQUIT', comment: 'SIGQUIT: nginx finishes in-flight requests, then exits' },
      { op: 'CMD', argv: ['nginx', '-g', 'daemon off;'] },
    ],
  };
}

export { HTML as NGINX_HTML };

/** nginx.conf for an unprivileged single-page-app server with a /healthz endpoint. */
export function nginxConf(spa: boolean): string {
  const fallback = spa ? '$uri $uri/ /index.html' : '$uri $uri/ =404';
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
      try_files ${fallback};
    }
  }
}
`;
}
