import { Flex, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import type { ReactNode } from 'react';
import { describeTakedown } from './describe-takedown';

/** What the content manager passes a document action (the members read here). */
interface ActionProps {
  model: string;
  document?: Record<string, unknown>;
}

/** A document action's description, as far as this wrapper changes it. */
interface ActionDescription {
  onClick?: (event: unknown) => Promise<boolean | void> | boolean | void;
  dialog?: { type: string; title?: string; content?: ReactNode; onConfirm?: () => Promise<void> | void };
  [key: string]: unknown;
}

interface DocumentAction {
  (props: ActionProps): ActionDescription | null;
  type?: string;
  position?: unknown;
}

function warningContent(body: string): ReactNode {
  return (
    <Flex direction="column" gap={2}>
      <WarningCircle width="24px" height="24px" fill="danger600" />
      <Typography tag="p" variant="omega" textAlign="center">
        {body}
      </Typography>
    </Flex>
  );
}

/**
 * Strapi 5.54 confirms Delete ("Are you sure?") and Unpublish only when a draft has changes;
 * Unpublish of a live page is one click. These wrappers ask first, naming the page that goes
 * offline, and run Strapi's own action when the editor confirms.
 */
function confirmingTakedown(original: DocumentAction, action: 'unpublish' | 'delete'): DocumentAction {
  const Wrapped: DocumentAction = (props) => {
    const description = original(props);
    const warning = describeTakedown(action, props.model, props.document);
    if (!description || !warning) return description;
    if (description.dialog) {
      // Strapi's own dialog (delete; unpublish with unsaved changes): same steps, plainer words.
      return {
        ...description,
        dialog: { ...description.dialog, title: warning.title, content: warningContent(warning.body) },
      };
    }
    const run = description.onClick;
    return {
      ...description,
      // Returning false lets the content manager open the dialog instead of acting now.
      onClick: () => false,
      dialog: {
        type: 'dialog',
        title: warning.title,
        content: warningContent(warning.body),
        onConfirm: async () => {
          await run?.(undefined);
        },
      },
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
