/**
 * What the home page's "Public website" widget says about scheduled changes that could not
 * run. Pure and dependency-free: the server route and the admin widget import it alike.
 */

/** A failed scheduled action as `GET /admin/scheduling/failures` sends it. */
export interface FailedScheduledAction {
  documentId: string;
  targetUid: string;
  targetDocumentId: string;
  targetLabel: string | null;
  mode: 'publish' | 'unpublish';
  clinicTimeText: string;
  failureReason: string | null;
  /** The entry's edit view inside the admin (router path, without `/admin`). */
  editPath: string;
}

export interface ScheduledFailureLine {
  key: string;
  /** The entry, as the link's text. */
  entry: string;
  /** What was due when, and why it did not happen. */
  reason: string;
  editPath: string;
}

export interface ScheduledFailuresSummary {
  headline: string;
  lines: ScheduledFailureLine[];
}

/**
 * The admin router path of an entry's edit view: a collection type's entry by its documentId,
 * a single type by its uid alone, with the locale when the entry has one.
 */
export function entryEditPath(
  kind: 'collectionType' | 'singleType',
  uid: string,
  documentId: string,
  locale: string | null,
): string {
  const base =
    kind === 'singleType'
      ? `/content-manager/single-types/${uid}`
      : `/content-manager/collection-types/${uid}/${encodeURIComponent(documentId)}`;
  return locale ? `${base}?plugins[i18n][locale]=${encodeURIComponent(locale)}` : base;
}

/**
 * "2 scheduled changes failed", then one line per action: the entry (a link to fix it) and
 * "Publish due Mon, Jan 5, 2026, 8:00 AM PST: answer: answer must be defined". Null when
 * nothing failed, so the widget shows nothing extra.
 */
export function describeScheduledFailures(actions: FailedScheduledAction[]): ScheduledFailuresSummary | null {
  if (actions.length === 0) return null;
  const count = actions.length;
  return {
    headline: `${count} scheduled change${count === 1 ? '' : 's'} failed`,
    lines: actions.map((action) => ({
      key: action.documentId,
      entry:
        action.targetLabel ?? `${action.targetUid.split('.').pop() ?? action.targetUid} ${action.targetDocumentId}`,
      reason: `${action.mode === 'publish' ? 'Publish' : 'Unpublish'} due ${action.clinicTimeText}: ${
        action.failureReason ?? 'the reason was not recorded'
      }`,
      editPath: action.editPath,
    })),
  };
}
