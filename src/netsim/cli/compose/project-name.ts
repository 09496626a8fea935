import type { CommandResult } from '../command';
import { loadProject, ProjectError, type Project } from './load';
import type { Session } from './session';

/**
 * ProjectOptions.projectOrName (cmd/compose/compose.go): with -f, or without
 * -p, the project is loaded from its file; a failure falls back on
 * COMPOSE_PROJECT_NAME if set. With -p alone only the name is needed.
 */
export function projectOrName(
  session: Session,
  services: readonly string[] = [],
): { name: string; project: Project | undefined } | CommandResult {
  const { root } = session;
  if (root.files.length > 0 || !root.projectName) {
    try {
      const project = loadProject(root, session.projectEnvironment(), services);
      return { name: project.name, project };
    } catch (error) {
      if (!(error instanceof ProjectError)) throw error;
      const fromEnv = session.process.env?.get('COMPOSE_PROJECT_NAME');
      if (fromEnv) return { name: fromEnv, project: undefined };
      return session.fail(error.message);
    }
  }
  return { name: root.projectName, project: undefined };
}

/** toProjectName: -p, COMPOSE_PROJECT_NAME, else the loaded project's name. */
export function projectNameOnly(session: Session): string | CommandResult {
  const { root } = session;
  if (root.projectName) return root.projectName;
  const fromEnv = session.process.env?.get('COMPOSE_PROJECT_NAME');
  if (fromEnv) return fromEnv;
  try {
    return loadProject(root, session.projectEnvironment()).name;
  } catch (error) {
    if (error instanceof ProjectError) return session.fail(error.message);
    throw error;
  }
}
