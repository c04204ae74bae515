import type { BuildTrigger } from '@clinic/shared-types';
import type { Publisher, PublisherOptions } from '@clinic/scripts/publisher';
import { FakeBuilder, createDataDir, startTestPublisher } from '@clinic/scripts/publisher/testing';
import { adminLogin, freePort, startTestCms, type TestCms } from './start-test-cms.ts';
import { eventually } from './start-test-system.ts';

export interface RecordingSystem {
  cms: TestCms;
  /** The real publisher, in this process, with a stand-in build step. */
  publisher: Publisher;
  builder: FakeBuilder;
  /** An admin JWT for the test super admin. */
  jwt: string;
  /** The trigger of every build the publisher went live with, in order (the startup build first). */
  triggers: BuildTrigger[];
  /** The `[hooks] ...` lines: one per webhook the publisher received, with its decision. */
  hookLines: string[];
  /** Closes the publisher and disposes of the CMS and its data. */
  dispose(): Promise<void>;
}

/**
 * A real Strapi whose rebuild webhook reaches a real publisher running in this process with a
 * stand-in build step that records each build's trigger and each webhook's decision: what the
 * contract and scheduling suites observe. Resolves once the startup build is live.
 */
export async function startCmsWithRecordingPublisher({
  cmsEnv = {},
  quietMs,
  maxWaitMs,
}: {
  cmsEnv?: NodeJS.ProcessEnv;
} & Pick<PublisherOptions, 'quietMs' | 'maxWaitMs'>): Promise<RecordingSystem> {
  const hooksPort = await freePort();
  const cms = await startTestCms({ PUBLISHER_PORT: String(hooksPort), ...cmsEnv });
  const triggers: BuildTrigger[] = [];
  const hookLines: string[] = [];
  const builder = new FakeBuilder();
  let publisher: Publisher | undefined;
  try {
    const jwt = await adminLogin(cms);
    const started = await startTestPublisher({
      dataDir: await createDataDir(),
      rebuildSecret: cms.env.REBUILD_SECRET!,
      hooksPort,
      ...(quietMs !== undefined ? { quietMs } : {}),
      ...(maxWaitMs !== undefined ? { maxWaitMs } : {}),
      logger: {
        info: (line) => {
          if (line.startsWith('[hooks] ')) hookLines.push(line);
          const live = publisher && /^\[publisher\] build \S+ live/.test(line) ? publisher.status().live : null;
          if (live) triggers.push(live.trigger);
        },
        error: () => {},
      },
      runBuild: builder.runBuild,
    });
    publisher = started;
    await eventually(() => triggers.length === 1, 30_000, 'the startup build');
    return {
      cms,
      publisher: started,
      builder,
      jwt,
      triggers,
      hookLines,
      dispose: async () => {
        await started.close();
        await cms.dispose();
      },
    };
  } catch (error) {
    await publisher?.close();
    await cms.dispose();
    throw error;
  }
}
