export type EngineName = 'docker' | 'podman' | 'buildah';

/** A container engine CLI that answered. docker and podman build and run; buildah only builds. */
export interface Engine {
  name: EngineName;
  /** Executable (a name on PATH or an absolute path). */
  bin: string;
  version: string;
  canRun: boolean;
}

/** Receives the engine's output line by line (a log file, a progress printer …). */
export type LineSink = (line: string) => void;
