// One workflow version (or a new one): the JSON editor with live validation on the lines, the
// diagram (a live preview while editing), simulation, publishing and migration.
import { useEffect, useState } from 'react';
import { api, ApiError, apiText } from '../api/client.ts';
import type { DefinitionCheck, DefinitionDetail, DefinitionSummary } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { canAudit, isAdmin, isAuditor, useSession } from '../auth/session.tsx';
import { ConfirmButton } from '../components/Confirm.tsx';
import { Diagram, diagramLevels, type DiagramDepth } from '../components/Diagram.tsx';
import { ErrorMessage, LiveStatus, Loading } from '../components/feedback.tsx';
import { JsonEditor } from '../components/JsonEditor.tsx';
import { invalidateDefinitions } from '../definitions/catalogue.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { Migration } from '../workflows/Migration.tsx';
import { RuntimeRefusals } from '../workflows/RuntimeRefusals.tsx';
import { Simulation } from '../workflows/Simulation.tsx';
import { authorOrder } from '../workflows/source-order.ts';
import { TEMPLATE } from '../workflows/template.ts';
import { useDefinitionCheck } from '../workflows/useDefinitionCheck.ts';
import { flash, useFlash } from './flash.ts';

const pretty = (source: unknown) => JSON.stringify(authorOrder(source), null, 2) + '\n';

export function NewWorkflowPage() {
  const { t } = useI18n();
  const { me } = useSession();
  if (!isAdmin(me)) return <p className="notice warning">{t('app.forbidden')}</p>;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/workflows">{t('wf.title')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('wf.new')}</h1>
      <Workbench initialText={pretty(TEMPLATE)} editable />
    </>
  );
}

export function WorkflowPage({ defKey, version }: { defKey: string; version?: number }) {
  const { t, L, dateTime } = useI18n();
  const { me } = useSession();
  const versions = useLoad(
    (signal) => api<{ items: DefinitionSummary[] }>(`/definitions/${encodeURIComponent(defKey)}`, { signal }).then((r) => r.items),
    [defKey],
  );
  const chosen = version ?? versions.data?.[0]?.version;
  const detail = useLoad(
    (signal) => (chosen ? api<DefinitionDetail>(`/definitions/${encodeURIComponent(defKey)}/versions/${chosen}`, { signal }) : Promise.resolve(undefined)),
    [defKey, chosen],
  );
  const [message, setMessage] = useState(useFlash());

  if (!canAudit(me)) return <p className="notice warning">{t('app.forbidden')}</p>;
  if (versions.error) return <ErrorMessage error={versions.error} onRetry={versions.reload} />;
  if (!detail.data) return detail.error ? <ErrorMessage error={detail.error} onRetry={detail.reload} /> : <Loading />;
  const d = detail.data;
  const reloadAll = (text = '') => {
    setMessage(text);
    versions.reload();
    detail.reload();
  };

  return (
    <>
      <p className="breadcrumbs">
        <Link to="/workflows">{t('wf.title')}</Link>
      </p>
      <h1 tabIndex={-1} data-testid="workflow-title">
        {L(d.source?.title ?? d.title, d.key)} <span className="muted">— {t('wf.version', { v: d.version })}</span>{' '}
        <span className={`status status-${d.status}`} data-testid="version-status">
          {t(`wf.status.${d.status}`)}
        </span>
      </h1>
      <LiveStatus text={message} testId="workflow-flash" />
      {d.publishedAt ? <p className="muted">{t('wf.publishedAt', { at: dateTime(d.publishedAt) })}</p> : null}
      <nav aria-label={t('wf.versions')} className="versions">
        <h2 className="sr-only">{t('wf.versions')}</h2>
        <ul>
          {(versions.data ?? []).map((v) => (
            <li key={v.version}>
              <Link to={`/workflows/${encodeURIComponent(defKey)}/versions/${v.version}`} aria-current={v.version === d.version ? 'page' : undefined}>
                {t('wf.version', { v: v.version })} · {t(`wf.status.${v.status}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Workbench
        key={`${d.key}@${d.version}@${d.status}`}
        detail={d}
        initialText={pretty(d.source)}
        editable={d.status === 'draft' && isAdmin(me)}
        onChanged={reloadAll}
      />
      <Simulation defKey={d.key} version={d.version} source={d.source} />
      {isAdmin(me) && versions.data ? (
        <Migration key={versions.data.map((v) => `${v.version}:${v.status}`).join()} defKey={d.key} versions={versions.data} onApplied={() => reloadAll()} />
      ) : null}
      {isAdmin(me) || isAuditor(me) ? <RuntimeRefusals defKey={d.key} /> : null}
      {d.status === 'published' && !isAuditor(me) ? (
        <p>
          <Link to={`/cases/new?key=${encodeURIComponent(d.key)}`} className="button" data-testid="start-case-link">
            {t('wf.startCase')}
          </Link>
        </p>
      ) : null}
    </>
  );
}

function Workbench({
  detail,
  initialText,
  editable,
  onChanged,
}: {
  detail?: DefinitionDetail;
  initialText: string;
  editable: boolean;
  onChanged?(message: string): void;
}) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const [text, setText] = useState(initialText);
  // The diagram's collapse control: how many levels of steps it draws (all by default).
  const [depth, setDepth] = useState<number>();
  const check = useDefinitionCheck(text, editable || !detail, depth);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const published = detail && detail.status !== 'draft';
  const serverDiagram = useLoad(
    (signal) =>
      published
        ? apiText(`/definitions/${encodeURIComponent(detail.key)}/versions/${detail.version}/diagram`, { query: { format: 'mermaid', lang, depth }, signal })
        : Promise.resolve(undefined),
    [detail?.key, detail?.version, published, lang, depth],
  );
  const diagramDepth: DiagramDepth = { value: depth, levels: diagramLevels(published ? detail.source.machine : check.source?.machine), onChange: setDepth };

  useEffect(() => {
    if (detail?.check) check.setCheck(initialText, detail.check);
  }, []);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    setStatus('');
    try {
      await action();
    } catch (e) {
      if (e instanceof ApiError && e.issues.length) check.setCheck(text, { valid: false, issues: e.issues, warnings: [] } satisfies DefinitionCheck);
      setError(e instanceof ApiError && e.code === 'DEFINITION_UNSAFE' ? new Error(`${t('wf.unsafe')} ${JSON.stringify(e.body.details?.deadEnds ?? '')}`) : e);
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(async () => {
      if (!check.source) throw new Error(t('v.json'));
      if (!detail) {
        const created = await api<DefinitionDetail>('/definitions', { method: 'POST', body: { source: check.source } });
        invalidateDefinitions(created.key);
        flash(t('wf.saved', { v: created.version }));
        navigate(`/workflows/${encodeURIComponent(created.key)}/versions/${created.version}`);
        return;
      }
      const updated = await api<DefinitionDetail>(`/definitions/${encodeURIComponent(detail.key)}/versions/${detail.version}`, {
        method: 'PUT',
        body: { source: check.source },
      });
      if (updated.check) check.setCheck(text, updated.check);
      invalidateDefinitions(detail.key);
      setStatus(t('wf.saved', { v: updated.version }));
    });

  const publish = () =>
    run(async () => {
      if (!detail) return;
      if (text !== initialText)
        await api(`/definitions/${encodeURIComponent(detail.key)}/versions/${detail.version}`, { method: 'PUT', body: { source: check.source } });
      const published = await api<{ runningOnOlder: Array<{ version: number; runningInstances: number }> }>(
        `/definitions/${encodeURIComponent(detail.key)}/versions/${detail.version}/publish`,
        { method: 'POST' },
      );
      invalidateDefinitions(detail.key);
      // Cases on older versions stay there until moved: say so, and what to do about it.
      const older = published.runningOnOlder.map((o) => t('wf.runningOn', { v: o.version, n: o.runningInstances })).join('; ');
      onChanged?.(`${t('wf.published', { key: detail.key, v: detail.version })}${older ? ` ${t('wf.runningOnOlder', { list: older })}` : ''}`);
    });

  const remove = () =>
    run(async () => {
      if (!detail) return;
      await api(`/definitions/${encodeURIComponent(detail.key)}/versions/${detail.version}`, { method: 'DELETE' });
      invalidateDefinitions(detail.key);
      flash(t('wf.deleted'));
      navigate('/workflows');
    });

  const newDraft = () =>
    run(async () => {
      if (!detail) return;
      const created = await api<DefinitionDetail>('/definitions', { method: 'POST', body: { source: detail.source } });
      invalidateDefinitions(detail.key);
      flash(t('wf.saved', { v: created.version }));
      navigate(`/workflows/${encodeURIComponent(created.key)}/versions/${created.version}`);
    });

  const retire = () =>
    run(async () => {
      if (!detail) return;
      const r = await api<{ runningInstances: number }>(`/definitions/${encodeURIComponent(detail.key)}/versions/${detail.version}/retire`, { method: 'POST' });
      invalidateDefinitions(detail.key);
      onChanged?.(t('wf.retired', { n: r.runningInstances }));
    });

  const errors = check.issues.filter((i) => i.severity === 'error').length;
  const summary = !editable ? '' : check.checking || !check.current ? t('wf.validating') : errors ? t('wf.issues', { n: errors }) : t('wf.valid');

  return (
    <div className="workbench">
      <section aria-labelledby="source-title" className="card editor-card">
        <h2 id="source-title">{t('wf.source')}</h2>
        {!editable && detail ? <p className="notice info">{t('wf.readOnly')}</p> : null}
        <JsonEditor
          id="definition-source"
          label={t('wf.source')}
          hideLabel
          value={text}
          onChange={setText}
          issues={editable ? check.issues : []}
          readOnly={!editable}
          help={editable ? t('wf.editorHelp') : undefined}
        />
        {editable ? (
          <p
            className={`check-summary ${check.valid ? 'ok' : errors ? 'bad' : ''}`}
            role="status"
            aria-live="polite"
            data-testid="check-summary"
            data-valid={check.valid && check.current ? 'true' : 'false'}
          >
            {summary}
          </p>
        ) : null}
        <LiveStatus text={status} testId="workbench-status" />
        <ErrorMessage error={error} />
        {isAdmin(me) ? (
          <div className="actions-row">
            {editable ? (
              <button type="button" onClick={save} disabled={busy || !check.source} data-testid="save-draft">
                {busy ? t('wf.saving') : t('wf.saveDraft')}
              </button>
            ) : null}
            {editable && detail ? (
              <ConfirmButton
                label={t('wf.publish')}
                question={t('wf.confirmPublish', { v: detail.version })}
                onConfirm={publish}
                disabled={busy || !check.valid}
                testId="publish"
              />
            ) : null}
            {editable && detail ? (
              <ConfirmButton
                className="danger"
                label={t('wf.deleteDraft')}
                question={t('wf.confirmDelete', { v: detail.version })}
                onConfirm={remove}
                disabled={busy}
              />
            ) : null}
            {detail?.status === 'published' ? (
              <>
                <button type="button" className="secondary" onClick={newDraft} disabled={busy}>
                  {t('wf.newDraft')}
                </button>
                <ConfirmButton className="secondary" label={t('wf.retire')} question={t('wf.retire') + '?'} onConfirm={retire} disabled={busy} />
              </>
            ) : null}
          </div>
        ) : null}
      </section>
      <section aria-labelledby="preview-title" className="card diagram-card">
        <h2 id="preview-title">{published ? t('wf.diagram') : t('wf.preview')}</h2>
        {published ? (
          <>
            <ErrorMessage error={serverDiagram.error} />
            <Diagram text={serverDiagram.data} title={t('wf.diagram')} depth={diagramDepth} />
          </>
        ) : check.preview ? (
          <Diagram
            text={check.preview}
            title={t('wf.preview')}
            stale={check.previewStale}
            note={check.previewStale ? t('wf.previewStale') : t('wf.previewNote')}
            depth={diagramDepth}
          />
        ) : (
          <p className="muted">{t('wf.previewNote')}</p>
        )}
      </section>
    </div>
  );
}
