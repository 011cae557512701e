// Admins' webhook subscriptions: the list (turn one off or on), a new one (its signing secret shown
// once, right after creating it), and a subscription's delivery log with each attempt and a
// "send again" button.
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import type { Webhook, WebhookDelivery, WebhookDeliveryPage, WebhookWithSecret } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { ErrorMessage, LiveStatus, Loading, Notice } from '../components/feedback.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export function WebhooksPage() {
  const { t } = useI18n();
  const list = useLoad((signal) => api<{ items: Webhook[] }>('/webhooks', { signal }), []);
  const [selected, setSelected] = useState<string | null>(null);
  const [created, setCreated] = useState<WebhookWithSecret | null>(null);
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState('');

  const toggle = async (w: Webhook) => {
    setError(undefined);
    try {
      await api(`/webhooks/${w.id}`, { method: 'PATCH', body: { enabled: !w.enabled } });
      setStatus(t(w.enabled ? 'wh.disabledNow' : 'wh.enabledNow'));
      list.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('wh.title')}</h1>
      <p className="muted">{t('wh.intro')}</p>
      <LiveStatus text={status} testId="wh-status" />
      {error ? <ErrorMessage error={error} /> : null}
      {list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {created ? (
        <Notice kind="warning">
          <p>{t('wh.secretOnce')}</p>
          <code data-testid="wh-secret">{created.secret}</code>
        </Notice>
      ) : null}
      {list.data && list.data.items.length === 0 ? <p className="empty">{t('wh.empty')}</p> : null}
      {list.data?.items.length ? (
        <table data-testid="wh-list">
          <thead>
            <tr>
              <th>{t('wh.url')}</th>
              <th>{t('wh.topics')}</th>
              <th>{t('wh.state')}</th>
              <th>{t('wh.failures')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((w) => (
              <tr key={w.id}>
                <td>
                  <code>{w.url}</code>
                  {w.description ? <div className="muted">{w.description}</div> : null}
                </td>
                <td>{w.topics.join(', ')}</td>
                <td>
                  {t(w.enabled ? 'wh.on' : 'wh.off')}
                  {w.disabledReason ? <div className="muted">{w.disabledReason}</div> : null}
                </td>
                <td>{w.consecutiveFailures}</td>
                <td>
                  <button type="button" className="secondary" onClick={() => toggle(w)}>
                    {t(w.enabled ? 'wh.disable' : 'wh.enable')}
                  </button>{' '}
                  <button type="button" className="secondary" aria-pressed={selected === w.id} onClick={() => setSelected(selected === w.id ? null : w.id)}>
                    {t('wh.log')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {selected ? <DeliveryLog key={selected} webhookId={selected} /> : null}
      <NewWebhook
        onCreated={(w) => {
          setCreated(w);
          list.reload();
        }}
      />
    </>
  );
}

function NewWebhook({ onCreated }: { onCreated(w: WebhookWithSecret): void }) {
  const { t } = useI18n();
  const [url, setUrl] = useState('');
  const [topics, setTopics] = useState('*');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      const list = topics.split(',').map((s) => s.trim()).filter(Boolean);
      onCreated(await api<WebhookWithSecret>('/webhooks', { method: 'POST', body: { url, topics: list, description: description || null } }));
      setUrl('');
      setDescription('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="card" aria-labelledby="wh-new">
      <h2 id="wh-new">{t('wh.new')}</h2>
      <label>
        {t('wh.url')}
        <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" />
      </label>
      <label>
        {t('wh.topics')}
        <input value={topics} onChange={(e) => setTopics(e.target.value)} aria-describedby="wh-topics-help" />
      </label>
      <p id="wh-topics-help" className="muted">
        {t('wh.topicsHelp')}
      </p>
      <label>
        {t('wh.description')}
        <input value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      {error ? <ErrorMessage error={error} /> : null}
      <button type="submit" disabled={busy}>
        {t('wh.create')}
      </button>
    </form>
  );
}

function DeliveryLog({ webhookId }: { webhookId: string }) {
  const { t, dateTime } = useI18n();
  const [status, setStatus] = useState('');
  const page = useLoad((signal) => api<WebhookDeliveryPage>(`/webhooks/${webhookId}/deliveries`, { query: { status: status || undefined, limit: 50 }, signal }), [webhookId, status]);
  const [error, setError] = useState<unknown>();
  const when = (iso: string | null) => dateTime(iso) || '—';

  const redeliver = async (d: WebhookDelivery) => {
    setError(undefined);
    try {
      await api(`/webhooks/${webhookId}/deliveries/${d.id}/redeliver`, { method: 'POST' });
      page.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="wh-log">
      <h2 id="wh-log">{t('wh.log')}</h2>
      <div className="toolbar">
        <label>
          {t('wh.status')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('app.all')}</option>
            <option value="pending">{t('wh.status.pending')}</option>
            <option value="delivered">{t('wh.status.delivered')}</option>
            <option value="failed">{t('wh.status.failed')}</option>
          </select>
        </label>
        <button type="button" className="secondary" onClick={page.reload}>
          {t('app.retry')}
        </button>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {page.error ? <ErrorMessage error={page.error} onRetry={page.reload} /> : null}
      {page.loading && !page.data ? <Loading /> : null}
      {page.data && page.data.items.length === 0 ? <p className="empty">{t('wh.noDeliveries')}</p> : null}
      {page.data?.items.length ? (
        <table data-testid="wh-deliveries">
          <thead>
            <tr>
              <th>{t('wh.topic')}</th>
              <th>{t('wh.status')}</th>
              <th>{t('wh.attempts')}</th>
              <th>{t('wh.created')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {page.data.items.map((d) => (
              <tr key={d.id}>
                <td>
                  <code>{d.topic}</code>
                  <div className="muted">webhook-id: {d.id}</div>
                </td>
                <td>{t(`wh.status.${d.status}`)}</td>
                <td>
                  <ol>
                    {d.log.map((a) => (
                      <li key={a.attempt}>
                        {when(a.at)} — {a.responseCode ?? '—'} — {a.latencyMs} ms{a.error ? ` — ${a.error}` : ''}
                      </li>
                    ))}
                  </ol>
                </td>
                <td>{when(d.createdAt)}</td>
                <td>
                  <button type="button" className="secondary" onClick={() => redeliver(d)}>
                    {t('wh.redeliver')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
