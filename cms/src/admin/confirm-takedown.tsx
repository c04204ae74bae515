import { Box, Flex, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { useFetchClient, type StrapiApp } from '@strapi/strapi/admin';
import { useEffect, useState, type ReactNode } from 'react';
import { incomingLinksSchema } from '../links/incoming-links-response.ts';
import { describeTakedown, type IncomingLinksState, type TakedownWarning } from './describe-takedown';

/** What the content manager passes a document action (the members read here). */
interface ActionProps {
  model: string;
  documentId?: string;
  document?: Record<string, unknown>;
}

/** A document action's description, as far as this wrapper changes it. */
interface ActionDescription {
  onClick?: (event: unknown) => Promise<boolean | void> | boolean | void;
  variant?: string;
  dialog?: {
    type: string;
    title?: string;
    content?: ReactNode;
    confirmLabel?: string;
    loading?: boolean;
    onConfirm?: () => Promise<void> | void;
  };
  [key: string]: unknown;
}

interface DocumentAction {
  (props: ActionProps): ActionDescription | null;
  type?: string;
  position?: unknown;
}

/**
 * Asks the CMS which published entries link to this one (`GET /admin/incoming-links`) when it
 * mounts, that is when the dialog opens: asking for every row of a list would cost a request each.
 */
function IncomingLinksCheck(props: {
  model: string;
  documentId: string;
  /** The version the edit view shows: its edition's page is the one that goes. */
  locale: string | undefined;
  onResult: (state: IncomingLinksState) => void;
}) {
  const { model, documentId, locale, onResult } = props;
  const { get } = useFetchClient();
  useEffect(() => {
    let open = true;
    onResult({ status: 'checking' });
    const query = new URLSearchParams({ uid: model, documentId, ...(locale ? { locale } : {}) });
    get<unknown>(`/admin/incoming-links?${query.toString()}`)
      .then(({ data }) => {
        const parsed = incomingLinksSchema.safeParse(data);
        if (open)
          onResult(parsed.success ? { status: 'known', linkedFrom: parsed.data.linkedFrom } : { status: 'unknown' });
      })
      .catch(() => {
        if (open) onResult({ status: 'unknown' });
      });
    return () => {
      open = false;
      // Closed: the next opening asks again (links may have been removed meanwhile).
      onResult({ status: 'unknown' });
    };
  }, [get, model, documentId, locale, onResult]);
  return null;
}

function warningContent(warning: TakedownWarning, check: ReactNode): ReactNode {
  const blocked = warning.linkedFrom.length > 0;
  return (
    <Flex direction="column" gap={2} alignItems="stretch">
      {check}
      <Flex justifyContent="center">
        <WarningCircle width="24px" height="24px" fill="danger600" aria-hidden />
      </Flex>
      {/* The text changes once the links are known: read the change out, politely. */}
      <Box aria-live="polite" aria-busy={warning.checking}>
        <Typography tag="p" variant="omega" textAlign={blocked ? 'left' : 'center'}>
          {warning.body}
        </Typography>
        {blocked ? (
          <>
            <Box tag="ul" paddingTop={2} paddingBottom={2} paddingLeft={4} style={{ listStyle: 'disc' }}>
              {warning.linkedFrom.map((line) => (
                <Typography tag="li" variant="omega" key={line}>
                  {line}
                </Typography>
              ))}
            </Box>
            <Typography tag="p" variant="omega">
              {warning.fix}
            </Typography>
          </>
        ) : null}
      </Box>
    </Flex>
  );
}

/**
 * Strapi 5.54 confirms Delete ("Are you sure?") and Unpublish only when a draft has changes;
 * Unpublish of a live page is one click. These wrappers ask first, naming the page that goes
 * offline, and run Strapi's own action when the editor confirms. When published entries link to
 * the page the CMS refuses the takedown (the links would break), so the dialog names them and
 * its button only closes it: nothing the editor clicks pretends the page goes offline.
 */
function confirmingTakedown(original: DocumentAction, action: 'unpublish' | 'delete'): DocumentAction {
  const Wrapped: DocumentAction = (props) => {
    const description = original(props);
    // Hooks run on every render, before any return: the content manager renders actions as components.
    const [links, setLinks] = useState<IncomingLinksState>({ status: 'unknown' });
    const warning = describeTakedown(action, props.model, props.document, links);
    if (!description || !warning) return description;
    const documentId = props.documentId ?? props.document?.documentId;
    const check =
      typeof documentId === 'string' ? (
        <IncomingLinksCheck
          model={props.model}
          documentId={documentId}
          locale={typeof props.document?.locale === 'string' ? props.document.locale : undefined}
          onResult={setLinks}
        />
      ) : null;
    const blocked = warning.linkedFrom.length > 0;
    const content = warningContent(warning, check);
    const run = description.dialog ? description.dialog.onConfirm : () => description.onClick?.(undefined);
    const dialog = {
      type: 'dialog',
      // Strapi's own dialog (delete; unpublish with unsaved changes) keeps its steps, in plainer words.
      ...description.dialog,
      title: warning.title,
      content,
      loading: warning.checking || description.dialog?.loading,
      ...(blocked
        ? { confirmLabel: 'OK', onConfirm: () => undefined }
        : { onConfirm: async () => void (await run?.()) }),
    };
    return {
      ...description,
      ...(blocked ? { variant: 'secondary' } : {}),
      // Returning false lets the content manager open the dialog instead of acting now.
      onClick: description.dialog ? description.onClick : () => false,
      dialog,
    };
  };
  Wrapped.type = original.type;
  Wrapped.position = original.position;
  return Wrapped;
}

interface ContentManagerApis {
  addDocumentAction(reducer: (actions: DocumentAction[]) => DocumentAction[]): void;
}

/** Wraps the content manager's Unpublish and Delete (from `app.tsx`'s `bootstrap`). */
export function confirmTakedowns(app: Pick<StrapiApp, 'getPlugin'>): void {
  const apis = app.getPlugin('content-manager').apis as Partial<ContentManagerApis>;
  apis.addDocumentAction?.((actions) =>
    actions.map((original) =>
      original.type === 'unpublish' || original.type === 'delete'
        ? confirmingTakedown(original, original.type)
        : original,
    ),
  );
}
