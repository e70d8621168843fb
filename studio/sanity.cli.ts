/**
 * Configuration of the `sanity` command line (dev, build, deploy) for this Studio.
 *
 * The project id comes from the environment (`SANITY_STUDIO_PROJECT_ID`, in `studio/.env` or the
 * shell; see `.env.example`). Commands that talk to the Content Lake stop at once when it is
 * missing, saying which variable to set. `sanity build` and the other offline commands go on with
 * a placeholder id, loudly, so the test suite can build the Studio on a machine with no project:
 * such a build cannot reach any data and must not be deployed.
 */
import { defineCliConfig } from 'sanity/cli';

/** Clearly not a real project: it shows up in the bundle and in every request such a Studio makes. */
const PLACEHOLDER_PROJECT_ID = 'placeholder-no-project-id';

/** Commands that never reach a project: building, generating types, reading the local schema. */
const OFFLINE_COMMANDS = new Set(['build', 'typegen', 'help', 'version', 'versions', 'docs', 'telemetry', 'debug']);
const OFFLINE_SCHEMA_COMMANDS = new Set(['extract', 'validate']);

function isOfflineCommand(argv: readonly string[]): boolean {
  const [command, subcommand] = argv.filter((arg) => !arg.startsWith('-'));
  if (command === undefined) return true; // bare `sanity`: prints help
  const [topic, action = subcommand] = command.split(':');
  if (topic === 'schema') return action !== undefined && OFFLINE_SCHEMA_COMMANDS.has(action);
  return OFFLINE_COMMANDS.has(topic ?? '');
}

function resolveProjectId(): string {
  const projectId = process.env.SANITY_STUDIO_PROJECT_ID?.trim();
  if (projectId) return projectId;

  if (isOfflineCommand(process.argv.slice(2))) {
    console.warn(
      [
        `⚠ SANITY_STUDIO_PROJECT_ID no está definida: se usa el identificador provisional «${PLACEHOLDER_PROJECT_ID}». Este Studio no podrá leer ni guardar contenido; no lo despliegues.`,
        `⚠ SANITY_STUDIO_PROJECT_ID is not set: using the placeholder id "${PLACEHOLDER_PROJECT_ID}". This Studio cannot read or save content; do not deploy it.`,
      ].join('\n'),
    );
    // The Studio bundle reads its project id from the same variable (see sanity.config.ts).
    process.env.SANITY_STUDIO_PROJECT_ID = PLACEHOLDER_PROJECT_ID;
    return PLACEHOLDER_PROJECT_ID;
  }

  throw new Error(
    [
      'Falta el identificador del proyecto de Sanity. Define la variable SANITY_STUDIO_PROJECT_ID (por ejemplo en studio/.env, copiando studio/.env.example) con el id que aparece en https://www.sanity.io/manage, y vuelve a ejecutar el comando.',
      'The Sanity project id is missing. Set the SANITY_STUDIO_PROJECT_ID environment variable (for example in studio/.env, copied from studio/.env.example) to the id shown at https://www.sanity.io/manage, and run the command again.',
    ].join('\n'),
  );
}

export default defineCliConfig({
  api: {
    projectId: resolveProjectId(),
    dataset: process.env.SANITY_STUDIO_DATASET?.trim() || 'production',
  },
  deployment: {
    // Versions are pinned in the lockfile and tested together; the Studio must not change underneath.
    autoUpdates: false,
  },
});
