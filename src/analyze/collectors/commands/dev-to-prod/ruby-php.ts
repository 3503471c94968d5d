import { repoPath } from '../../../repo.js';
import { portFromArgv } from '../port-args.js';
import type { DevToProdRule } from './types.js';

const RAILS = /^(\.?\/?bin\/)?rails$/;

const railsServer: DevToProdRule = {
  id: 'rails-server',
  ecosystem: 'ruby',
  example: ['rails s · bin/rails server -p 3000', 'bundle exec puma -C config/puma.rb -p 3000'],
  match(argv) {
    const a = argv[0] === 'bundle' && argv[1] === 'exec' ? argv.slice(2) : argv;
    return (RAILS.test(a[0] ?? '') && (a[1] === 's' || a[1] === 'server')) || /^(\.\/)?bin\/dev$/.test(a[0] ?? '');
  },
  map(argv, ctx) {
    const explicit = portFromArgv(argv);
    const port = explicit ?? 3000;
    const config = ctx.repo.has(repoPath(ctx.dir, 'config/puma.rb'));
    return {
      start: config ? `bundle exec puma -C config/puma.rb -p ${port}` : `bundle exec puma -b tcp://0.0.0.0:${port}`, ...(explicit ? { port } : {}),
      reason: 'rails server starts Puma in development mode; production runs Puma directly (RAILS_ENV=production)',
    };
  },
};

const rackup: DevToProdRule = {
  id: 'rackup',
  ecosystem: 'ruby',
  example: ['rackup', 'bundle exec puma config.ru -b tcp://0.0.0.0:9292'],
  match: (argv) => (argv[0] === 'bundle' && argv[1] === 'exec' ? argv[2] : argv[0]) === 'rackup',
  map(argv) {
    const explicit = portFromArgv(argv);
    return { start: `bundle exec puma config.ru -b tcp://0.0.0.0:${explicit ?? 9292}`, ...(explicit ? { port: explicit } : {}), reason: 'rackup picks whatever server is installed, on localhost; production runs Puma on all interfaces' };
  },
};

const artisanServe: DevToProdRule = {
  id: 'artisan-serve',
  ecosystem: 'php',
  example: ['php artisan serve', 'php artisan serve --host=0.0.0.0 --port=8000 (the PHP renderer puts php-fpm + nginx in the image)'],
  match: (argv) => argv[0] === 'php' && argv[1] === 'artisan' && argv[2] === 'serve',
  map(argv) {
    const explicit = portFromArgv(argv);
    return { start: `php artisan serve --host=0.0.0.0 --port=${explicit ?? 8000}`, ...(explicit ? { port: explicit } : {}), reason: 'artisan serve listens on localhost only; bound to all interfaces (an image serves Laravel with php-fpm behind nginx)' };
  },
};

const phpBuiltin: DevToProdRule = {
  id: 'php-builtin-server',
  ecosystem: 'php',
  example: ['php -S localhost:8000 -t public · symfony serve', 'php -S 0.0.0.0:8000 -t public'],
  match: (argv) => (argv[0] === 'php' && argv[1] === '-S') || (argv[0] === 'symfony' && /^(serve|server:start)$/.test(argv[1] ?? '')),
  map(argv, ctx) {
    const explicit = portFromArgv(argv);
    const port = explicit ?? 8000;
    const t = argv.indexOf('-t');
    const docroot = t >= 0 ? argv[t + 1] : ctx.repo.has(repoPath(ctx.dir, 'public/index.php')) ? 'public' : undefined;
    return { start: `php -S 0.0.0.0:${port}${docroot ? ` -t ${docroot}` : ''}`, ...(explicit ? { port } : {}), reason: 'the built-in server on localhost is for development; bound to all interfaces' };
  },
};

export const rubyPhpRules: readonly DevToProdRule[] = [railsServer, rackup, artisanServe, phpBuiltin];
