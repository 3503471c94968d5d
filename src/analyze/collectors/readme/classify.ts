import type { ProviderId } from '../../provider.js';

export type CommandRole = 'install' | 'build' | 'test' | 'start' | 'release';

/** [role, pattern over the command text]. First match wins; order matters (test before start …). */
const ROLES: readonly [CommandRole, RegExp][] = [
  ['install', /^(npm (install|i|ci)|yarn( install)?|pnpm (install|i)|bun install)(\s+--?[\w-]+(=\S+)?)*$/],
  ['install', /^(pip3? install (-r|--requirement) \S+|pip3? install (-e )?\.(\[\S+\])?|poetry install|pipenv (install|sync)|uv sync|uv pip install -r \S+)(\s+--?[\w-]+(=\S+)?)*$/],
  ['install', /^(bundle( install)?|composer install|go mod download|dotnet restore)(\s+--?[\w-]+(=\S+)?)*$/],
  ['release', /\b(prisma migrate deploy|knex migrate:latest|sequelize(-cli)? db:migrate|typeorm migration:run|manage\.py migrate|flask db upgrade|alembic upgrade|rails db:migrate|rake db:migrate|rails db:prepare|artisan migrate(\s+--force)?$|(npm run|yarn|pnpm) (db:)?migrat\w*(:deploy)?$)/],
  ['test', /^((npm|yarn|pnpm|bun) (run )?test(:[\w:-]+)?|npm t|pytest|python3? -m pytest|tox|python3? manage\.py test|go test|(\.\/)?(mvnw|mvn) (\S+ )*test|(\.\/)?gradlew? test|(bundle exec )?(rspec|rails test|rake test|rake spec)|(php )?(vendor\/bin\/)?phpunit|php artisan test|dotnet test|cargo test|make test)\b/],
  ['build', /^((npm|bun) run build(:[\w:-]+)?|yarn build(:[\w:-]+)?|pnpm (run )?build(:[\w:-]+)?|tsc\b|npx tsc\b|go build|(\.\/)?(mvnw|mvn) (\S+ )*(package|install|verify)|(\.\/)?gradlew? (\S+ )*(build|assemble|bootJar|shadowJar|installDist)|dotnet (build|publish)|cargo build|python3? manage\.py collectstatic|(bundle exec )?(rails|rake) assets:precompile|make build)\b/],
  ['start', /^((npm|yarn|pnpm|bun) (run )?(start|dev|serve|develop|prod|production|preview|server|watch)(:[\w:-]+)?|npm run-script start|node\s|nodemon|ts-node|tsx\s|next (dev|start)|nuxi? (dev|start|preview)|vite( |$)|astro (dev|preview)|remix-serve|react-scripts start|ng serve|vue-cli-service serve|gatsby (develop|serve))/],
  ['start', /^(python3? ((?!setup\.py|manage\.py)[\w./-]+\.py|manage\.py runserver|-m (?!pip|pytest|venv|http\.server|unittest|build|twine)[\w.]+)(?! (sdist|bdist\w*|upload|register|install|develop|build|migrate|test|collectstatic|createsuperuser|makemigrations|shell)\b)|gunicorn|uvicorn|hypercorn|daphne|waitress-serve|flask run|fastapi (dev|run)|(bundle exec )?(rails (s|server)|puma|unicorn|rackup|thin start)|(\.\/)?bin\/(rails (s|server)|dev)|ruby [\w./-]+\.rb|php artisan serve|php -S|symfony (serve|server:start)|java (-\S+ )*-jar|(\.\/)?(mvnw|mvn) (\S+ )*spring-boot:run|(\.\/)?gradlew? (\S+ )*bootRun|go run|air$|dotnet (run|watch)|cargo run|deno (run|task))/],
];

/** The role of a README command in the build/run lifecycle, or undefined for anything else. */
export function roleOf(text: string): CommandRole | undefined {
  const t = text.replace(/^sudo\s+/, '').trim();
  return ROLES.find(([, re]) => re.test(t))?.[0];
}

const ECOSYSTEMS: readonly [ProviderId, RegExp][] = [
  ['node', /^(npm|npx|yarn|pnpm|pnpx|bun|bunx|node|nodemon|ts-node|tsx|next|nuxi?|vite|astro|remix-serve|react-scripts|ng|vue-cli-service|gatsby|tsc|deno)\b/],
  ['python', /^(python3?|pip3?|pipenv|poetry|uv|gunicorn|uvicorn|hypercorn|daphne|waitress-serve|flask|fastapi|pytest|tox|alembic|celery|django-admin)\b/],
  ['ruby', /^(bundle|rails|(\.\/)?bin\/(rails|dev)|ruby|rake|rackup|puma|unicorn|rspec|thin)\b/],
  ['php', /^(php|composer|symfony|(vendor\/bin\/)?phpunit)\b/],
  ['jvm', /^(java|mvn|(\.\/)?mvnw|gradle|(\.\/)?gradlew)\b/],
  ['go', /^(go|air)\b/],
  ['dotnet', /^dotnet\b/],
  ['rust', /^cargo\b/],
];

/** The ecosystem a command belongs to (a Node README line does not describe a Python component). */
export function ecosystemOf(text: string): ProviderId | undefined {
  const t = text.replace(/^sudo\s+/, '').replace(/^([A-Za-z_][A-Za-z0-9_]*=\S*\s+)+/, '').trim();
  return ECOSYSTEMS.find(([, re]) => re.test(t))?.[0];
}

/** Sections and surroundings that describe development, not production. */
export const DEV_CONTEXT = /\b(develop(ment|ing)?|dev server|contribut\w*|hot.?reload|watch mode|local(ly)? development|debug\w*)\b/i;
export const PROD_CONTEXT = /\b(production|deploy\w*|self.?host\w*|running in prod\w*)\b/i;
