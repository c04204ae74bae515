/**
 * Progressive enhancement of the request-a-call form (the form works without it):
 * inline validation with an error summary that takes focus, a JSON post, and an in-page
 * confirmation. Each page load makes one idempotency key, sent with every attempt: a
 * retry after a timeout (when the first post may have arrived) stores one request.
 * Kept tiny: visitors on slow phones pay for every byte.
 */
interface ApiError {
  error?: { message?: string; details?: { errors?: { path?: string[]; message?: string }[] } };
}

type Problem = [field: string, message: string];

/** A message the page wrote into the form's `data-*` attributes, in the page's language. */
const say = (form: HTMLFormElement, key: string) => form.dataset[key] ?? '';

/** 128 random bits in hex, a key the CMS accepts (16-64 letters, digits, dashes), on HTTPS and plain HTTP alike. */
const newIdempotencyKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

function validate(form: HTMLFormElement): Problem[] {
  const data = new FormData(form);
  const problems: Problem[] = [];
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  if (!text('name')) problems.push(['name', say(form, 'nameRequired')]);
  const phone = text('phone').replace(/\D/g, '');
  if (!phone) problems.push(['phone', say(form, 'phoneRequired')]);
  else if (phone.length < 10 || phone.length > 11 || (phone.length === 11 && !phone.startsWith('1')))
    problems.push(['phone', say(form, 'phoneInvalid')]);
  if (!data.get('consent')) problems.push(['consent', say(form, 'consentRequired')]);
  return problems;
}

function showProblems(form: HTMLFormElement, problems: Problem[]): void {
  const summary = form.querySelector<HTMLElement>('[data-error-summary]');
  const list = summary?.querySelector('ul');
  for (const el of form.querySelectorAll<HTMLElement>('[data-field-error]')) el.hidden = true;
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  if (!summary || !list) return;
  list.replaceChildren();
  for (const [field, message] of problems) {
    const input = form.elements.namedItem(field);
    const item = document.createElement('li');
    if (input instanceof HTMLElement && input.id) {
      input.setAttribute('aria-invalid', 'true');
      const inline = form.querySelector<HTMLElement>(`[data-field-error="${field}"]`);
      if (inline) {
        inline.textContent = message;
        inline.hidden = false;
      }
      const link = document.createElement('a');
      link.href = `#${input.id}`;
      link.textContent = message;
      item.append(link);
    } else {
      item.textContent = message;
    }
    list.append(item);
  }
  summary.hidden = problems.length === 0;
  if (problems.length) summary.focus();
}

async function submit(form: HTMLFormElement, idempotencyKey: string, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const problems = validate(form);
  showProblems(form, problems);
  if (problems.length) return;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (button) button.disabled = true;
  try {
    const body = Object.fromEntries(new FormData(form).entries());
    const res = await fetch(form.action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': idempotencyKey },
      body: JSON.stringify(body),
    });
    if (res.ok) {
      const done = form.parentElement?.querySelector<HTMLElement>('[data-form-success]');
      form.hidden = true;
      if (done) {
        done.hidden = false;
        done.focus();
      }
      return;
    }
    const payload = (await res.json().catch(() => ({}))) as ApiError;
    const found = payload.error?.details?.errors?.map((e): Problem => [e.path?.[0] ?? 'form', e.message ?? '']) ?? [];
    showProblems(form, found.length ? found : [['form', payload.error?.message ?? say(form, 'failed')]]);
  } catch {
    showProblems(form, [['form', say(form, 'failed')]]);
  } finally {
    if (button) button.disabled = false;
  }
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-call-request-form]')) {
  const started = form.elements.namedItem('startedAt');
  if (started instanceof HTMLInputElement) started.value = String(Date.now());
  form.noValidate = true;
  // One key per page load: every retry of this form's request carries the same one.
  const idempotencyKey = newIdempotencyKey();
  form.addEventListener('submit', (event) => void submit(form, idempotencyKey, event));
}
