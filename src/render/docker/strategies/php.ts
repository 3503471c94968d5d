import type { Instruction } from '../model.js';
import { exposeWithHealthcheck } from '../healthcheck.js';
import { PHP_PORT } from '../layout.js';
import { strategyVersion } from '../runtime-version.js';
import type { DockerPlan, StrategyContext } from './types.js';

/**
 * PHP on the official Apache image (mod_php: one process, one port). Composer installs
 * production packages in a build stage; Laravel's public/ becomes the document root.
 */
export function phpStrategy(ctx: StrategyContext): DockerPlan {
  const { component } = ctx;
  const image = `php:${strategyVersion(ctx, 'php')}-apache`;
  const laravel = component.framework?.toLowerCase() === 'laravel';
  const docroot = laravel ? '/var/www/html/public' : '/var/www/html';
  if (component.port !== undefined && component.port !== PHP_PORT) {
    ctx.note({ level: 'info', message: `${component.name}: Apache listens on ${PHP_PORT} in the image (unprivileged), not ${component.port}`, hint: `set ${ctx.key('port')} to ${PHP_PORT}` });
  }
  const extensions = component.services.some((s) => s.type === 'postgres') ? ['pdo_pgsql'] : component.services.some((s) => s.type === 'mysql' || s.type === 'mariadb') ? ['pdo_mysql'] : [];
  const pgDev = extensions.includes('pdo_pgsql');
  return {
    stages: [
      {
        name: 'vendor',
        from: 'composer:2',
        comment: 'Composer packages (production only), exactly as composer.lock says',
        steps: [
          { op: 'WORKDIR', path: '/app' },
          { op: 'COPY', sources: ['composer.json', 'composer.lock'], dest: './' },
          { op: 'RUN', commands: ['composer install --no-dev --no-scripts --no-autoloader --prefer-dist --no-interaction --ignore-platform-reqs'] },
          { op: 'COPY', sources: ['.'], dest: '.' },
          { op: 'RUN', commands: ['composer dump-autoload --optimize --classmap-authoritative --no-dev'] },
        ],
      },
      {
        from: image,
        comment: 'Runtime: Apache with mod_php on an unprivileged port',
        steps: [
          ...(extensions.length
            ? [{ op: 'RUN', commands: [...(pgDev ? ['apt-get update', 'apt-get install -y --no-install-recommends libpq-dev'] : []), `docker-php-ext-install ${extensions.join(' ')}`, ...(pgDev ? ['rm -rf /var/lib/apt/lists/*'] : [])] } as Instruction]
            : []),
          { op: 'ENV', vars: [['APACHE_DOCUMENT_ROOT', docroot]] },
          {
            op: 'RUN',
            commands: [
              'a2enmod rewrite',
              `sed -ri 's/Listen 80$/Listen ${PHP_PORT}/' /etc/apache2/ports.conf`,
              `sed -ri 's/<VirtualHost \\*:80>/<VirtualHost *:${PHP_PORT}>/; s!/var/www/html!\${APACHE_DOCUMENT_ROOT}!g' /etc/apache2/sites-available/000-default.conf`,
              'mv "$PHP_INI_DIR/php.ini-production" "$PHP_INI_DIR/php.ini"',
            ],
            comment: `Port ${PHP_PORT} (www-data cannot bind 80), the document root, production php.ini`,
          },
          { op: 'COPY', from: 'vendor', sources: ['/app'], dest: '/var/www/html' },
          ...(laravel ? [{ op: 'RUN', commands: ['chown -R www-data:www-data storage bootstrap/cache'], comment: 'The only directories Laravel writes to' } as Instruction] : []),
          { op: 'USER', user: 'www-data' },
          ...exposeWithHealthcheck('php', PHP_PORT, component.healthcheck ?? '/'),
          { op: 'CMD', argv: ['apache2-foreground'], comment: 'The image sets STOPSIGNAL SIGWINCH: Apache finishes requests, then exits' },
        ],
      },
    ],
    ignore: ['vendor/', 'storage/logs/', 'storage/framework/cache/', 'storage/framework/sessions/', 'storage/framework/views/', 'bootstrap/cache/*.php'],
  };
}
