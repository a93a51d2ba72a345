// The site's forms: each calls the service's JSON API from the browser (with the caller's key or token, kept in this
// tab only) and lays the answer out for people. No library, no build step.
(function () {
  'use strict';

  function slug(name) {
    return name.trim().replace(/\s+/gu, '-').replace(/[^\p{L}\p{N}.\-]/gu, '_');
  }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] !== null && attrs[k] !== undefined) { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) {
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return e;
  }

  function text(value) { return value === null || value === undefined ? '' : String(value); }

  function editionId(citation) { return text(citation && citation.edition).split(' ')[0]; }

  function ruleLink(actId, rule) {
    return rule ? el('a', {href: '/site/acts/' + actId + '/rules/' + slug(rule)}, ['«' + rule + '»']) : el('span');
  }

  function clauseLink(citation) {
    if (!citation) { return el('span'); }
    return el('a', {href: '/site/acts/' + citation.actId + '/editions/' + editionId(citation) + '#c-' + slug(citation.clause)},
      [citation.clause]);
  }

  var VALUES = {'1': '1 — в электронной форме', '0': '0 — не в электронной форме', '-': '- — не предусматривается',
    'discretionary': 'на усмотрение'};

  // Keys: remembered in sessionStorage, so the auditor does not type the key on every page of the tab.
  function keyFields(form) {
    var key = form.querySelector('[data-key]');
    var token = form.querySelector('[data-token]');
    if (key && !key.value) { key.value = sessionStorage.getItem('reglament-key') || ''; }
    if (token && !token.value) { token.value = sessionStorage.getItem('reglament-token') || ''; }
    return {key: key, token: token};
  }

  function headers(form) {
    var f = keyFields(form);
    var h = {'Content-Type': 'application/json', 'Accept': 'application/json'};
    if (f.key && f.key.value) { h['X-API-Key'] = f.key.value; sessionStorage.setItem('reglament-key', f.key.value); }
    if (f.token && f.token.value) { h['Authorization'] = 'Bearer ' + f.token.value; sessionStorage.setItem('reglament-token', f.token.value); }
    return h;
  }

  function call(form, method, url, body) {
    return fetch(url, {method: method, headers: headers(form), body: body === undefined ? undefined : JSON.stringify(body)})
      .then(function (response) {
        return response.text().then(function (t) {
          var json = null;
          try { json = t ? JSON.parse(t) : null; } catch (e) { json = null; }
          return {status: response.status, json: json};
        });
      });
  }

  function problem(answer) {
    var p = answer.json || {};
    var box = el('div', {'class': 'problem', role: 'alert', 'data-status': answer.status}, [
      el('p', {}, [el('strong', {}, [answer.status === 401 ? 'Нужен ключ или токен' : answer.status === 403
        ? 'Нет права: роль ключа не даёт доступа' : 'Запрос отклонён']), ' (' + answer.status + ') ' + text(p.title)]),
      el('p', {}, [text(p.detail)])]);
    (p.errors || []).forEach(function (e) { box.appendChild(el('p', {}, [el('code', {}, [text(e.field)]), ': ' + text(e.reason)])); });
    return box;
  }

  function envelope(answer) {
    var r = answer.regulation || {};
    return el('p', {'class': 'envelope'}, ['Решение ', el('code', {}, [text(answer.decisionId)]), ' на ' + text(answer.asOf)
      + ', ' + text(r.act) + ', редакция ' + text(r.edition) + '; база знаний ', el('code', {}, [text(answer.knowledgeBaseVersion)]), ' · ',
      el('a', {href: '/site/audit?decision=' + encodeURIComponent(text(answer.decisionId))}, ['квитанция для аудитора'])]);
  }

  function matrixTable(result, actId) {
    var rows = (result.cells || []).map(function (c) {
      return el('tr', {'class': 'cell', 'data-action': c.action, 'data-value': c.value}, [
        el('td', {}, [c.action]), el('td', {}, [text(c.name)]),
        el('td', {'class': 'value value-' + slug(text(c.value))}, [VALUES[c.value] || text(c.value)]),
        el('td', {}, [(c.allowed || []).join(', ')]),
        el('td', {}, [ruleLink(actId, c.rule)]), el('td', {}, [clauseLink(c.citation)]),
        el('td', {}, [text(c.why)])]);
    });
    return el('table', {'class': 'matrix'}, [el('thead', {}, [el('tr', {}, ['№', 'Действие', 'Значение', 'Допустимо', 'Правило',
      'Пункт', 'Почему'].map(function (h) { return el('th', {}, [h]); }))]), el('tbody', {}, rows)]);
  }

  function matrixAnswer(answer) {
    var res = answer.result || {};
    var actId = answer.regulation ? answer.regulation.actId : 'ru.kamchatka_guidelines';
    var parts = [envelope(answer), el('h2', {}, ['Девять действий']), matrixTable(res, actId)];
    if (res.explanatoryNote) {
      parts.push(el('p', {'class': 'note'}, ['Пояснительная записка (3.1.4.3): ' + (res.explanatoryNote.required ? 'требуется' : 'не требуется')
        + (res.explanatoryNote.why ? ' — ' + res.explanatoryNote.why : '')]));
    }
    if (res.approvalRoute) {
      var a = res.approvalRoute;
      parts.push(el('p', {}, ['Маршрут: предлагает ' + text(a.proposedBy) + ', согласует ' + text(a.agreedWith) + ', утверждает '
        + text(a.approvedBy) + ' ', ruleLink(actId, a.rule)]));
    }
    if (res.followUpSteps && res.followUpSteps.length) {
      parts.push(el('h3', {}, ['Дальнейшие шаги раздела 3']));
      parts.push(el('ul', {}, res.followUpSteps.map(function (s) {
        return el('li', {}, [s.step + '. ' + text(s.name) + ': ' + text(s.applicability) + (s.why ? ' — ' + s.why : '') + ' ', ruleLink(actId, s.rule)]);
      })));
    }
    parts.push(interpretations(answer));
    return parts;
  }

  function interpretations(answer) {
    var list = answer.interpretations || [];
    if (!list.length) { return el('span'); }
    return el('div', {'class': 'interpretations'}, [el('h3', {}, ['Толкования, принятые в ответе']), el('ul', {}, list.map(function (i) {
      return el('li', {'class': 'interpretation'}, [ruleLink(i.actId, i.rule), ' (п. ' + text(i.clause) + '): ' + text(i.text)
        + (i.reading ? ' [' + i.reading + '; иначе: ' + text(i.alternative) + ']' : '')]);
    }))]);
  }

  function rulesFired(answer) {
    var list = answer.rulesFired || [];
    return el('div', {}, [el('h3', {}, ['Сработавшие правила']), el('ul', {}, list.map(function (r) {
      var c = r.citation || {};
      return el('li', {}, [ruleLink(c.actId, r.rule), ' — ', clauseLink(c), c.quote ? ': «' + c.quote + '»' : '']);
    }))]);
  }

  var ROLES = {event: 'событие', counted: 'учтён', skipped: 'пропущен', 'shifted-over': 'перенос', due: 'срок'};

  function calendar(trace) {
    var byDate = {};
    trace.forEach(function (d) { byDate[d.date] = d; });
    if (!trace.length) { return el('p', {}, ['Счёт дней не вёлся (срок — дата).']); }
    var first = new Date(trace[0].date + 'T00:00:00Z');
    var last = new Date(trace[trace.length - 1].date + 'T00:00:00Z');
    var months = [];
    for (var m = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)); m <= last;
         m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
      var head = el('tr', {}, ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'].map(function (h) { return el('th', {}, [h]); }));
      var body = el('tbody');
      var row = el('tr');
      var pad = (m.getUTCDay() + 6) % 7;
      for (var p = 0; p < pad; p++) { row.appendChild(el('td', {'class': 'empty'})); }
      for (var d = new Date(m); d.getUTCMonth() === m.getUTCMonth(); d = new Date(d.getTime() + 86400000)) {
        var iso = d.toISOString().slice(0, 10);
        var day = byDate[iso];
        var cls = 'day' + (day ? ' day-' + day.role : '');
        row.appendChild(el('td', {'class': cls, title: day ? (ROLES[day.role] || day.role) + (day.reason ? ': ' + day.reason : '') : null,
          'data-date': iso}, [String(d.getUTCDate()), day && day.number ? el('small', {}, [' #' + day.number]) : '']));
        if (row.children.length === 7) { body.appendChild(row); row = el('tr'); }
      }
      if (row.children.length) { body.appendChild(row); }
      months.push(el('table', {'class': 'calendar'}, [el('caption', {}, [m.toLocaleDateString('ru-RU', {month: 'long', year: 'numeric', timeZone: 'UTC'})]),
        el('thead', {}, [head]), body]));
    }
    var legend = el('p', {'class': 'legend'}, Object.keys(ROLES).map(function (r) { return el('span', {'class': 'day day-' + r}, [ROLES[r]]); }));
    var skipped = trace.filter(function (d) { return d.role === 'skipped' || d.role === 'shifted-over'; });
    var list = el('details', {}, [el('summary', {}, ['Пропущенные дни: ' + skipped.length]), el('ul', {}, skipped.map(function (d) {
      return el('li', {}, [d.date + ': ' + text(d.reason)]); }))]);
    return el('div', {'class': 'calendars'}, [legend].concat(months).concat([list]));
  }

  function deadlineAnswer(answer) {
    var r = answer.result || {};
    var actId = answer.regulation ? answer.regulation.actId : '';
    return [envelope(answer), el('h2', {}, ['Срок: ', el('strong', {'class': 'due'}, [text(r.due)])]),
      el('p', {}, [text(r.name) + (r.event ? ' — от события «' + text(r.event.name) + '» ' + text(r.event.date) : '') + ' ',
        ruleLink(actId, r.rule), ' ', clauseLink(r.citation)]),
      calendar(r.trace || []), interpretations(answer), rulesFired(answer)];
  }

  function genericAnswer(answer) {
    return [envelope(answer), el('h2', {}, ['Результат']), el('pre', {'class': 'json'}, [JSON.stringify(answer.result, null, 2)]),
      interpretations(answer), rulesFired(answer)];
  }

  function show(target, nodes) {
    target.innerHTML = '';
    (Array.isArray(nodes) ? nodes : [nodes]).forEach(function (n) { target.appendChild(n); });
  }

  function value(form, name) { var f = form.elements[name]; return f ? f.value : null; }
  function checked(form, name) { return !!form.elements[name].checked; }
  function orNull(v) { return v === '' || v === null ? null : v; }

  function onSubmit(id, handler) {
    var form = document.getElementById(id);
    if (!form) { return; }
    keyFields(form);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var target = document.getElementById('answer');
      show(target, el('p', {'class': 'muted'}, ['Запрос отправлен…']));
      handler(form, target).catch(function (e) { show(target, el('p', {'class': 'problem'}, ['Служба не ответила: ' + e])); });
    });
  }

  // A scenario beside a clause: its Gherkin is fetched from its feature's page when it is opened (the act's page
  // stays small); each feature page is read once.
  var featurePages = {};
  document.addEventListener('toggle', function (event) {
    var details = event.target;
    if (!details.open || !details.hasAttribute || !details.hasAttribute('data-gherkin') || details.querySelector('pre')) { return; }
    var url = details.getAttribute('data-gherkin');
    var page = url.split('#')[0];
    featurePages[page] = featurePages[page] || fetch(page).then(function (r) { return r.text(); })
      .then(function (html) { return new DOMParser().parseFromString(html, 'text/html'); });
    featurePages[page].then(function (doc) {
      var scenario = doc.getElementById(decodeURIComponent(url.split('#')[1]));
      var pre = scenario && scenario.querySelector('pre.gherkin');
      details.appendChild(pre ? document.importNode(pre, true) : el('p', {'class': 'problem'}, ['Сценарий не найден на странице функции.']));
    });
  }, true);

  onSubmit('matrix-form', function (form, target) {
    var request = {asOf: value(form, 'asOf'), service: {registryId: value(form, 'registryId'), name: value(form, 'name'),
      subservice: orNull(value(form, 'subservice')), agency: orNull(value(form, 'agency')), category: value(form, 'category'),
      applicationsPerYear: Number(value(form, 'applicationsPerYear')), electronicWithoutOriginals: checked(form, 'electronicWithoutOriginals'),
      inPersonReceptionAtAgency: checked(form, 'inPersonReceptionAtAgency'), feeOrPayment: checked(form, 'feeOrPayment'),
      providedViaMfc: checked(form, 'providedViaMfc')}};
    return call(form, 'POST', '/api/v1/decisions/action-matrix', request).then(function (a) {
      show(target, a.status === 200 ? matrixAnswer(a.json) : problem(a));
    });
  });

  onSubmit('deadline-form', function (form, target) {
    var step = value(form, 'step').split('|');
    var parameters = {};
    if (value(form, 'regulationsReceived')) { parameters.regulationsReceived = Number(value(form, 'regulationsReceived')); }
    if (value(form, 'year')) { parameters.year = Number(value(form, 'year')); }
    var request = {asOf: value(form, 'asOf'), act: step[0], step: step[1]};
    if (value(form, 'eventDate')) { request.eventDate = value(form, 'eventDate'); }
    if (Object.keys(parameters).length) { request.parameters = parameters; }
    return call(form, 'POST', '/api/v1/decisions/deadline', request).then(function (a) {
      show(target, a.status === 200 ? deadlineAnswer(a.json) : problem(a));
    });
  });

  onSubmit('json-form', function (form, target) {
    var request;
    try { request = JSON.parse(value(form, 'request')); } catch (e) {
      show(target, el('p', {'class': 'problem'}, ['Запрос — не JSON: ' + e.message]));
      return Promise.resolve();
    }
    return call(form, 'POST', '/api/v1/decisions/' + form.getAttribute('data-decision'), request).then(function (a) {
      show(target, a.status === 200 ? genericAnswer(a.json) : problem(a));
    });
  });

  function receiptColumn(title, answer) {
    var nodes = [el('h3', {}, [title])];
    if (!answer) { nodes.push(el('p', {}, ['нет ответа'])); return el('div', {'class': 'side'}, nodes); }
    if (answer.result && answer.result.cells) {
      nodes.push(matrixTable(answer.result, answer.regulation ? answer.regulation.actId : ''));
    } else {
      nodes.push(el('pre', {'class': 'json'}, [JSON.stringify(answer.result, null, 2)]));
    }
    nodes.push(rulesFired(answer));
    return el('div', {'class': 'side'}, nodes);
  }

  onSubmit('audit-form', function (form, target) {
    var id = encodeURIComponent(value(form, 'decisionId').trim());
    return call(form, 'GET', '/api/v1/audit/decisions/' + id).then(function (receipt) {
      if (receipt.status !== 200) { show(target, problem(receipt)); return null; }
      var r = receipt.json;
      var head = el('dl', {'class': 'receipt'}, [el('dt', {}, ['Решение']), el('dd', {}, [text(r.decision) + ' ' + text(r.decisionId)]),
        el('dt', {}, ['На дату']), el('dd', {}, [text(r.asOf)]), el('dt', {}, ['Акт, редакция']), el('dd', {}, [text(r.actId) + ', ' + text(r.edition)]),
        el('dt', {}, ['Версия базы знаний']), el('dd', {}, [el('code', {}, [text(r.knowledgeBaseVersion)])]),
        el('dt', {}, ['Отвечено']), el('dd', {}, [text(r.answeredAt) + ', кому: ' + text(r.caller)]),
        el('dt', {}, ['Дайджест']), el('dd', {}, [el('code', {}, [text(r.digest)])])]);
      show(target, [head, el('p', {'class': 'muted'}, ['Повтор на текущей версии…'])]);
      return call(form, 'POST', '/api/v1/audit/decisions/' + id + '/replay?against=current').then(function (replay) {
        if (replay.status !== 200) { show(target, [head, receiptColumn('Квитанция', r.answer), problem(replay)]); return; }
        var p = replay.json;
        var verdict = el('p', {'class': p.reproduced ? 'reproduced' : 'changed'}, [p.reproduced
          ? 'Текущая версия отвечает так же.' : 'Текущая версия отвечает иначе: ' + (p.differences || []).length + ' различий.']);
        var diffs = el('table', {'class': 'differences'}, [el('thead', {}, [el('tr', {}, ['Поле', 'В квитанции', 'Сейчас'].map(function (h) { return el('th', {}, [h]); }))]),
          el('tbody', {}, (p.differences || []).map(function (d) {
            return el('tr', {}, [el('td', {}, [el('code', {}, [d.path])]), el('td', {'class': 'before'}, [JSON.stringify(d.recorded)]),
              el('td', {'class': 'after'}, [JSON.stringify(d.replayed)])]);
          }))]);
        // The replay beside the receipt: the recorded answer with every changed cell as the current version answers it.
        var right = [el('h3', {}, ['Повтор на текущей версии (' + text(p.replayedVersion).slice(0, 15) + '…)'])];
        if (r.answer && r.answer.result && r.answer.result.cells) {
          var now = JSON.parse(JSON.stringify(r.answer));
          (p.cells || []).forEach(function (c) {
            now.result.cells.forEach(function (cell) {
              if (cell.action === c.action) { cell.value = c.valueAfter; cell.rule = c.ruleAfter; cell.changed = true; }
            });
          });
          var table = matrixTable(now.result, now.regulation ? now.regulation.actId : '');
          now.result.cells.forEach(function (cell, i) { if (cell.changed) { table.tBodies[0].rows[i].className += ' after'; } });
          right.push(table);
        }
        right.push((p.differences || []).length ? diffs : el('p', {}, ['Без различий.']));
        show(target, [head, verdict, el('div', {'class': 'side-by-side'}, [receiptColumn('В квитанции (версия '
          + text(p.recordedVersion).slice(0, 15) + '…)', r.answer), el('div', {'class': 'side'}, right)])]);
      });
    });
  });
})();
