// The site's forms: each calls the service's JSON API from the browser (with the caller's key or token, kept in this
// tab only) and lays the answer out for people (answers.js). No library, no build step.
(function () {
  'use strict';
  var A = window.ReglamentAnswers;
  var el = A.el;
  var text = A.text;

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

  function show(target, nodes) {
    target.innerHTML = '';
    (Array.isArray(nodes) ? nodes : [nodes]).forEach(function (n) { if (n) { target.appendChild(n); } });
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

  function decide(form, target, decision, request) {
    return call(form, 'POST', '/api/v1/decisions/' + decision, request).then(function (a) {
      show(target, a.status === 200 ? A.render(a.json) : problem(a));
    });
  }

  // A scenario beside a clause: its Gherkin is read from the scenario's own page when it is opened (the act's page
  // stays small); each page is read once.
  var scenarioPages = {};
  document.addEventListener('toggle', function (event) {
    var details = event.target;
    if (!details.open || !details.hasAttribute || !details.hasAttribute('data-gherkin') || details.querySelector('pre')) { return; }
    var link = details.querySelector('summary a');
    var page = link.getAttribute('href');
    scenarioPages[page] = scenarioPages[page] || fetch(page).then(function (r) { return r.text(); })
      .then(function (html) { return new DOMParser().parseFromString(html, 'text/html'); });
    scenarioPages[page].then(function (doc) {
      var pre = doc.querySelector('pre.gherkin:not(.background)');
      details.appendChild(pre ? document.importNode(pre, true) : el('p', {'class': 'problem'}, ['Сценарий не найден.']));
    });
  }, true);

  onSubmit('matrix-form', function (form, target) {
    return decide(form, target, 'action-matrix', {asOf: value(form, 'asOf'), service: {registryId: value(form, 'registryId'),
      name: value(form, 'name'), subservice: orNull(value(form, 'subservice')), agency: orNull(value(form, 'agency')),
      category: value(form, 'category'), applicationsPerYear: Number(value(form, 'applicationsPerYear')),
      electronicWithoutOriginals: checked(form, 'electronicWithoutOriginals'),
      inPersonReceptionAtAgency: checked(form, 'inPersonReceptionAtAgency'), feeOrPayment: checked(form, 'feeOrPayment'),
      providedViaMfc: checked(form, 'providedViaMfc')}});
  });

  onSubmit('deadline-form', function (form, target) {
    var step = value(form, 'step').split('|');
    var parameters = {};
    if (value(form, 'regulationsReceived')) { parameters.regulationsReceived = Number(value(form, 'regulationsReceived')); }
    if (value(form, 'year')) { parameters.year = Number(value(form, 'year')); }
    var request = {asOf: value(form, 'asOf'), act: step[0], step: step[1]};
    if (value(form, 'eventDate')) { request.eventDate = value(form, 'eventDate'); }
    if (Object.keys(parameters).length) { request.parameters = parameters; }
    return decide(form, target, 'deadline', request);
  });

  onSubmit('json-form', function (form, target) {
    var request;
    try { request = JSON.parse(value(form, 'request')); } catch (e) {
      show(target, el('p', {'class': 'problem'}, ['Запрос — не JSON: ' + e.message]));
      return Promise.resolve();
    }
    return decide(form, target, form.getAttribute('data-decision'), request);
  });

  // ---- the auditor: a receipt, and its replay against the current version beside it

  function version(v) { return el('code', {title: text(v)}, [text(v).slice(0, 19) + '…']); }

  function receiptHead(r) {
    return el('dl', {'class': 'receipt'}, [el('dt', {}, ['Решение']), el('dd', {}, [el('code', {}, [text(r.decisionId)]),
      ' — ' + (A.decisions[r.decision] || text(r.decision))]),
    el('dt', {}, ['На дату']), el('dd', {}, [A.date(r.asOf)]),
    el('dt', {}, ['Акт, редакция']), el('dd', {}, [r.actId ? el('a', {href: '/site/acts/' + r.actId + '/editions/' + text(r.edition)},
      [text(r.actId) + ', редакция ' + text(r.edition)]) : '']),
    el('dt', {}, ['Версия базы знаний']), el('dd', {}, [el('code', {}, [text(r.knowledgeBaseVersion)])]),
    el('dt', {}, ['Отвечено']), el('dd', {}, [text(r.answeredAt) + ', кому: ' + text(r.caller)]),
    el('dt', {}, ['Дайджест']), el('dd', {}, [el('code', {}, [text(r.digest)])]),
    el('dt', {}, ['Запрос']), el('dd', {}, [el('details', {}, [el('summary', {}, ['запрос в JSON']),
      el('pre', {'class': 'json'}, [JSON.stringify(r.request, null, 2)])])])]);
  }

  function differencesTable(differences) {
    if (!differences.length) { return el('p', {'class': 'no-differences'}, ['Различий нет: каждое поле ответа совпало.']); }
    return el('table', {'class': 'differences'}, [el('thead', {}, [el('tr', {}, ['Поле ответа', 'В квитанции', 'При повторе'].map(function (h) {
      return el('th', {}, [h]); }))]), el('tbody', {}, differences.map(function (d) {
      return el('tr', {}, [el('td', {}, [el('code', {}, [d.path])]), el('td', {'class': 'before'}, [d.recorded === null ? '—' : JSON.stringify(d.recorded)]),
        el('td', {'class': 'after'}, [d.replayed === null ? '—' : JSON.stringify(d.replayed)])]);
    }))]);
  }

  function changes(c) {
    if (!c) { return null; }
    var rules = c.rules || [];
    var parameters = c.parameters || [];
    return el('details', {'class': 'kb-changes'}, [el('summary', {}, ['Изменения базы знаний между версиями: правил — ' + rules.length
      + ', параметров — ' + parameters.length]), el('ul', {}, rules.map(function (r) {
      return el('li', {}, [text(r.act) + ': «' + text(r.rule) + '» (п. ' + text(r.clause) + ') — ' + text(r.change)]);
    }).concat(parameters.map(function (p) {
      return el('li', {}, [text(p.act) + ': ' + text(p.parameter) + ' ' + text(p.before) + ' → ' + text(p.after)]);
    })))]);
  }

  function column(cls, title, nodes) {
    return el('div', {'class': 'side ' + cls}, [el('h3', {}, title)].concat(nodes));
  }

  onSubmit('audit-form', function (form, target) {
    var id = encodeURIComponent(value(form, 'decisionId').trim());
    return call(form, 'GET', '/api/v1/audit/decisions/' + id).then(function (receipt) {
      if (receipt.status !== 200) { show(target, problem(receipt)); return null; }
      var r = receipt.json;
      var head = receiptHead(r);
      show(target, [head, el('p', {'class': 'muted'}, ['Повтор на текущей версии…'])]);
      return call(form, 'POST', '/api/v1/audit/decisions/' + id + '/replay?against=current').then(function (replay) {
        var recorded = column('recorded', ['В квитанции, версия ', version(r.knowledgeBaseVersion)], [A.body(r.answer)]);
        if (replay.status !== 200) { show(target, [head, el('div', {'class': 'side-by-side'}, [recorded, column('replayed', ['Повтор'], [problem(replay)])])]); return; }
        var p = replay.json;
        var differences = p.differences || [];
        var verdict = el('p', {'class': p.reproduced ? 'reproduced' : 'changed', 'data-reproduced': String(!!p.reproduced)},
          [p.reproduced ? 'Воспроизведено: текущая версия отвечает так же.' : p.refusal ? 'Не воспроизведено: текущая версия отказывает — ' + p.refusal
            : 'Не воспроизведено: текущая версия отвечает иначе, различий — ' + differences.length + ' (отмечены в обеих колонках).']);
        var replayed = p.refusal ? column('replayed', ['Повтор'], [el('p', {'class': 'problem'}, [text(p.refusal)])])
          : column('replayed', ['Повтор на текущей версии ', version(p.replayedVersion)],
            [A.body(A.applyDifferences(r.answer, differences, p.replayedVersion))]);
        A.markDifferences(recorded, differences);
        A.markDifferences(replayed, differences);
        show(target, [head, verdict, changes(p.knowledgeBaseChanges), el('div', {'class': 'side-by-side'}, [recorded, replayed]),
          el('h3', {}, ['Различия по полям']), differencesTable(differences)]);
      });
    });
  });
})();
