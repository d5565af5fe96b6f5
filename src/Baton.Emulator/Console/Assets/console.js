// Baton emulator console: keeps a server-rendered page live. Every second it fetches the page's
// JSON view (body[data-api]) and updates the elements marked data-field in place. Data only ever
// reaches the page through textContent and setAttribute, never as markup.
'use strict';
(() => {
  const handoff = document.querySelector('form[data-autosubmit]');
  if (handoff) {
    handoff.submit();
    return;
  }

  const api = document.body.dataset.api;
  if (!api) {
    return;
  }

  const csrf = document.querySelector('meta[name="baton-csrf"]')?.content ?? '';
  const root = '/console/pipelines/';
  const pipelinePath = (name) => root + encodeURIComponent(name);
  const executionPath = (name, id) => pipelinePath(name) + '/executions/' + encodeURIComponent(id);

  function el(tag, attributes, text) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes ?? {})) {
      if (value !== null && value !== undefined) {
        element.setAttribute(name, String(value));
      }
    }
    if (text !== null && text !== undefined) {
      element.textContent = String(text);
    }
    return element;
  }

  function field(scope, name) {
    for (const element of scope.querySelectorAll('[data-field]')) {
      if (element.dataset.field === name) {
        return element;
      }
    }
    return null;
  }

  function byData(scope, key, value) {
    for (const element of scope.querySelectorAll('[data-' + key + ']')) {
      if (element.getAttribute('data-' + key) === value) {
        return element;
      }
    }
    return null;
  }

  function isWebUrl(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:';
    } catch {
      return false;
    }
  }

  function formatTime(iso) {
    return new Date(iso).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  }

  function timeEl(iso) {
    return iso ? el('time', { datetime: iso }, formatTime(iso)) : el('span', {}, '–');
  }

  function setText(element, text) {
    if (element && element.textContent !== (text ?? '')) {
      element.textContent = text ?? '';
    }
  }

  function setStatus(element, status) {
    if (!element) {
      return;
    }
    element.dataset.status = status ?? 'None';
    setText(element, status ?? 'Not run');
  }

  function statusEl(status) {
    const element = el('span', { class: 'status', 'data-field': 'status' });
    setStatus(element, status);
    return element;
  }

  function setOptionalText(element, text) {
    if (!element) {
      return;
    }
    setText(element, text);
    element.hidden = text === null || text === undefined || text === '';
  }

  function setLink(slot, url, text, name) {
    if (!slot || slot.dataset.url === (url ?? '')) {
      return;
    }
    slot.dataset.url = url ?? '';
    slot.replaceChildren();
    if (!url) {
      return;
    }
    slot.append(isWebUrl(url)
      ? el('a', { 'data-field': name, href: url, rel: 'noopener noreferrer', target: '_blank' }, text)
      : el('span', { 'data-field': name, class: 'unsafe-url' }, url));
  }

  function setProgress(container, percent) {
    if (!container) {
      return;
    }
    if (percent === null || percent === undefined) {
      container.hidden = true;
      container.dataset.percent = '';
      return;
    }
    const value = String(Math.min(100, Math.max(0, percent)));
    container.querySelector('progress').value = Number(value);
    setText(field(container, 'percent'), value + '%');
    container.dataset.percent = value;
    container.hidden = false;
  }

  function postForm(action, className, hidden, buttons) {
    const form = el('form', { method: 'post', action, class: className });
    form.append(el('input', { type: 'hidden', name: '_csrf', value: csrf }));
    for (const [name, value] of Object.entries(hidden)) {
      form.append(el('input', { type: 'hidden', name, value }));
    }
    for (const extra of buttons) {
      form.append(extra);
    }
    return form;
  }

  function button(name, value, command, text) {
    return el('button', { type: 'submit', name, value, 'data-command': command }, text);
  }

  function renderPipelines(pipelines) {
    field(document.body, 'empty').hidden = pipelines.length !== 0;
    field(document.body, 'pipelines').replaceChildren(...pipelines.map((pipeline) => {
      const latest = el('td');
      if (pipeline.latestExecutionId) {
        const link = el('a', { href: executionPath(pipeline.name, pipeline.latestExecutionId) });
        link.append(statusEl(pipeline.latestStatus));
        latest.append(link);
      } else {
        latest.append(statusEl(null));
      }
      const name = el('td');
      name.append(el('a', { href: pipelinePath(pipeline.name) }, pipeline.name));
      const updated = el('td');
      updated.append(timeEl(pipeline.updated));
      const row = el('tr', { 'data-pipeline': pipeline.name });
      row.append(name, latest, updated);
      return row;
    }));
  }

  function renderPipeline(pipeline) {
    const sections = [...document.querySelectorAll('section.stage')];
    const shape = (names) => names.join('\n');
    const domShape = sections.map((s) => s.dataset.stage + ':' + [...s.querySelectorAll('li.action')].map((a) => a.dataset.action).join(','));
    const dataShape = pipeline.stages.map((s) => s.name + ':' + s.actions.map((a) => a.name).join(','));
    if (shape(domShape) !== shape(dataShape)) {
      // The pipeline was updated (stages or actions changed): the server renders the new structure.
      window.location.reload();
      return;
    }
    setText(field(document.body, 'version'), String(pipeline.version));
    for (const stage of pipeline.stages) {
      const section = byData(document, 'stage', stage.name);
      setStatus(field(section, 'stage-status'), stage.status);
      const link = field(section, 'stage-execution');
      if ((link.textContent || null) !== (stage.pipelineExecutionId ?? null)) {
        link.replaceChildren(...(stage.pipelineExecutionId
          ? [el('a', { href: executionPath(pipeline.name, stage.pipelineExecutionId) }, stage.pipelineExecutionId)]
          : []));
      }
      const retry = field(section, 'retry');
      const retryForm = retry.querySelector('form');
      if (stage.retryable && !retryForm) {
        retry.append(postForm(executionPath(pipeline.name, stage.pipelineExecutionId) + '/retry', 'inline', { stage: stage.name }, [
          button('mode', 'FAILED_ACTIONS', 'retry', 'Retry failed actions'),
          button('mode', 'ALL_ACTIONS', 'retry-all', 'Retry stage'),
        ]));
      } else if (!stage.retryable && retryForm) {
        retryForm.remove();
      }
      for (const action of stage.actions) {
        renderAction(pipeline.name, stage.name, byData(section, 'action', action.name), action);
      }
    }
    renderExecutions(pipeline.name, pipeline.executions);
  }

  function renderAction(pipeline, stage, item, action) {
    setStatus(field(item, 'status'), action.status);
    setOptionalText(field(item, 'summary'), action.summary);
    setProgress(field(item, 'progress'), action.percentComplete);
    setLink(field(item, 'details-slot'), action.externalExecutionUrl, 'Details', 'details');
    setLink(field(item, 'entity-slot'), action.entityUrl, 'Open resource', 'entity');
    setOptionalText(field(item, 'error'), action.error);
    const approval = field(item, 'approval');
    const form = approval.querySelector('form');
    if (!action.approvalToken) {
      form?.remove();
    } else if (!form) {
      const comment = el('input', { type: 'text', name: 'summary', maxlength: '512', placeholder: 'Comment (optional)', 'aria-label': 'Comment' });
      approval.append(postForm(pipelinePath(pipeline) + '/approve', 'approval', { stage, action: action.name, token: action.approvalToken }, [
        comment,
        button('status', 'Approved', 'approve', 'Approve'),
        button('status', 'Rejected', 'reject', 'Reject'),
      ]));
    } else {
      form.querySelector('input[name="token"]').value = action.approvalToken;
    }
  }

  function renderExecutions(pipeline, executions) {
    field(document.body, 'executions').replaceChildren(...executions.map((execution) => {
      const row = el('tr', { 'data-execution': execution.id });
      const id = el('td');
      id.append(el('a', { href: executionPath(pipeline, execution.id) }, execution.id));
      const status = el('td');
      status.append(statusEl(execution.status));
      const started = el('td');
      started.append(timeEl(execution.startTime));
      const updated = el('td');
      updated.append(timeEl(execution.lastUpdateTime));
      const commands = el('td');
      if (execution.stoppable) {
        commands.append(stopForm(pipeline, execution.id));
      }
      row.append(id, status, started, updated, el('td', {}, execution.statusSummary ?? ''), commands);
      return row;
    }));
  }

  function stopForm(pipeline, id) {
    return postForm(executionPath(pipeline, id) + '/stop', 'inline', {}, [
      button('abandon', 'false', 'stop', 'Stop'),
      button('abandon', 'true', 'abandon', 'Stop and abandon'),
    ]);
  }

  function cell(content) {
    const td = el('td');
    if (content instanceof Node) {
      td.append(content);
    } else {
      td.textContent = content ?? '';
    }
    return td;
  }

  function renderExecution(timeline) {
    const execution = timeline.execution;
    setStatus(field(document.body, 'status'), execution.status);
    for (const [name, iso] of [['started', execution.startTime], ['updated', execution.lastUpdateTime]]) {
      const fresh = timeEl(iso);
      fresh.dataset.field = name;
      field(document.body, name).replaceWith(fresh);
    }
    setText(field(document.body, 'status-summary'), execution.statusSummary);
    field(document.body, 'stop').hidden = !execution.stoppable;
    field(document.body, 'timeline').replaceChildren(...timeline.actions.map((action) => {
      const section = el('section', { class: 'timeline-action', 'data-action-execution': action.actionExecutionId });
      section.append(el('h3', {}, action.stageName + ' / ' + action.actionName));
      const line = el('p');
      line.append(statusEl(action.status), ' attempt ' + (action.attempt + 1) + ', started ', timeEl(action.startTime), ', updated ', timeEl(action.lastUpdateTime));
      if (action.percentComplete !== null && action.percentComplete !== undefined) {
        line.append(', ' + action.percentComplete + '% complete');
      }
      if (action.externalExecutionId) {
        line.append(', external id ' + action.externalExecutionId);
      }
      section.append(line, el('p', { class: 'summary' }, action.summary ?? ''));
      if (action.jobs.length > 0) {
        const table = el('table', { class: 'jobs' });
        const head = el('tr');
        for (const title of ['Step', 'Job', 'Status', 'Dispatches', 'Created', 'Dispatched', 'Acknowledged', 'Completed', 'Waited', 'Ran', 'Token in', 'Note']) {
          head.append(el('th', {}, title));
        }
        const thead = el('thead');
        thead.append(head);
        const tbody = el('tbody');
        action.jobs.forEach((job, index) => {
          const row = el('tr', { 'data-job': job.jobId });
          row.append(cell(String(index + 1)), cell(el('code', {}, job.jobId)), cell(statusEl(job.status)), cell(String(job.dispatchCount)),
            cell(timeEl(job.created)), cell(timeEl(job.dispatchedAt)), cell(timeEl(job.acknowledgedAt)), cell(timeEl(job.completedAt)),
            cell(job.waited), cell(job.ran), cell(job.continuationTokenLength === null ? '–' : job.continuationTokenLength + ' chars'), cell(job.note));
          tbody.append(row);
        });
        table.append(thead, tbody);
        section.append(table);
      }
      return section;
    }));
    field(document.body, 'events').replaceChildren(...timeline.events.map((entry) => {
      const row = el('tr');
      row.append(cell(timeEl(entry.time)), cell(entry.stageName), cell(entry.actionName), cell(entry.type), cell(entry.message));
      return row;
    }));
  }

  const renderers = { pipelines: renderPipelines, pipeline: renderPipeline, execution: renderExecution };

  let last = null;
  async function refresh() {
    const state = field(document.body, 'live-state');
    try {
      const response = await fetch(api, { headers: { Accept: 'application/json' }, cache: 'no-store' });
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      const text = await response.text();
      if (text !== last) {
        last = text;
        renderers[document.body.dataset.page]?.(JSON.parse(text));
      }
      setOptionalText(state, 'live');
      state?.removeAttribute('data-offline');
    } catch (error) {
      console.error('Baton console refresh failed:', error);
      setOptionalText(state, 'offline');
      state?.setAttribute('data-offline', 'true');
    } finally {
      setTimeout(refresh, 1000);
    }
  }

  document.addEventListener('DOMContentLoaded', () => setTimeout(refresh, 1000));
})();
