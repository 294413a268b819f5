import { startChosenRig } from './chosen-rig';
import { startHelpStandInServer } from './help-stand-in-server';
import { makeTempFolder } from './temp-folder';

/** The handlers on real parts (see `startChosenRig`) against the recovery and help-form stand-in. */
export async function startHelpRig() {
  const folder = makeTempFolder();
  const server = await startHelpStandInServer();
  const rig = await startChosenRig(folder.path, server);
  return {
    folder,
    server,
    rig,
    async close(): Promise<void> {
      await rig.close();
      await server.stop();
      folder.remove();
    },
  };
}

export type HelpRig = Awaited<ReturnType<typeof startHelpRig>>;
