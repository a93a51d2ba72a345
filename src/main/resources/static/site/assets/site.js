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
    // One credential: the service refuses a request with two (which one counted would depend on the order).
    if (f.key && f.key.value) { h['X-API-Key'] = f.key.value; sessionStorage.setItem('reglament-key', f.key.value); }
    else if (f.token && f.token.value) { h['Authorization'] = 'Bearer ' + f.token.value; sessionStorage.setItem('reglament-token', f.token.value); }
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

  // ---- the forms built from the request records (TryForms, try-fields.html): the fields build the request's JSON and
  // the JSON under «Запрос JSON» fills the fields, so both always say the same; the JSON is what is sent.

  function fieldsOf(container) { return Array.prototype.slice.call(container.querySelectorAll(':scope > [data-name]')); }
  function controlOf(field) { return field.querySelector(':scope > select, :scope > input'); }
  function present(field) { return field.querySelector(':scope > legend [data-present]'); }

  /** A field's value in the request; undefined where it is left unsaid (it is then not in the JSON). */
  function read(field) {
    var kind = field.getAttribute('data-kind');
    var c = controlOf(field);
    if (kind === 'flag') { return c.checked; }
    if (kind === 'yes-no') { return c.value === '' ? undefined : c.value === 'true'; }
    if (kind === 'number') { return c.value === '' ? undefined : Number(c.value); }
    if (kind === 'choices') {
      var codes = Array.prototype.filter.call(field.querySelectorAll(':scope > label'), function (l) { return !l.hidden; })
        .map(function (l) { return l.querySelector('input'); }).filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
      return codes.length || field.getAttribute('data-required') === 'true' ? codes : undefined;
    }
    if (kind === 'list') { return fieldsOf(field).map(read); }
    if (kind === 'group') { return present(field) && !present(field).checked ? undefined : build(field); }
    if (kind === 'rows') {
      var entries = {};
      field.querySelectorAll('[data-row]').forEach(function (r) {
        var key = r.querySelector('[data-row-key]').value, day = r.querySelector('[data-row-value]').value;
        if (key && day) { entries[key] = day; }
      });
      return entries;
    }
    return c.value === '' ? undefined : c.value;
  }

  function build(container) {
    var request = {};
    // A field hidden by its condition (a period's year when it counts from an event) is not in the request.
    fieldsOf(container).forEach(function (f) { var v = f.hidden ? undefined : read(f); if (v !== undefined) { request[f.getAttribute('data-name')] = v; } });
    return request;
  }

  function addRow(field, key, day) {
    var row = field.querySelector('template').content.firstElementChild.cloneNode(true);
    field.querySelector('[data-rows]').appendChild(row);
    if (key !== undefined) { row.querySelector('[data-row-key]').value = key; }
    if (day !== undefined) { row.querySelector('[data-row-value]').value = day; }
    return row;
  }

  function fill(field, value) {
    var kind = field.getAttribute('data-kind');
    var c = controlOf(field);
    if (kind === 'flag') { c.checked = value === true; return; }
    if (kind === 'yes-no') { c.value = value === true ? 'true' : value === false ? 'false' : ''; return; }
    if (kind === 'choices') {
      field.querySelectorAll(':scope > label input').forEach(function (i) { i.checked = Array.isArray(value) && value.indexOf(i.value) >= 0; });
      return;
    }
    if (kind === 'list') { fieldsOf(field).forEach(function (f, i) { fill(f, Array.isArray(value) ? value[i] : undefined); }); return; }
    if (kind === 'group') {
      if (present(field)) { present(field).checked = value !== undefined && value !== null; }
      fillAll(field, value || {});
      return;
    }
    if (kind === 'rows') {
      field.querySelector('[data-rows]').innerHTML = '';
      Object.keys(value || {}).forEach(function (k) { addRow(field, k, value[k]); });
      return;
    }
    c.value = value === undefined || value === null ? '' : String(value);
  }

  function fillAll(container, request) {
    fieldsOf(container).forEach(function (f) { fill(f, request[f.getAttribute('data-name')]); });
  }

  /**
   * Choices offered only with other fields' values (a document of its act, a part of its document), and fields read
   * only with them (a period's fields by its kind): shown or hidden.
   */
  function applyConditions(form) {
    for (var pass = 0; pass < 2; pass++) {
      form.querySelectorAll('[data-when]').forEach(function (e) {
        var holds = e.getAttribute('data-when').split('&').every(function (condition) {
          var at = condition.indexOf('=');
          var other = form.querySelector('[data-path="' + condition.slice(0, at) + '"]');
          // «kind=|within»: any of the values, the empty one being «не указано».
          return other && controlOf(other) && condition.slice(at + 1).split('|').indexOf(controlOf(other).value) >= 0;
        });
        e.hidden = !holds;
        if (e.tagName === 'OPTION') { e.disabled = !holds; }
      });
      form.querySelectorAll('select').forEach(function (select) {
        var chosen = select.options[select.selectedIndex];
        if (chosen && chosen.disabled) {
          // The same code offered for the other field's value (a step of the act chosen), else the first offered.
          var same = Array.prototype.find.call(select.options, function (o) { return !o.disabled && o.value === chosen.value; });
          var first = same || Array.prototype.find.call(select.options, function (o) { return !o.disabled; });
          if (first) { first.selected = true; } else { select.value = ''; }
        }
      });
    }
  }

  var fieldsForm = document.getElementById('fields-form');
  if (fieldsForm) {
    var root = fieldsForm.querySelector('.fields');
    var requestJson = fieldsForm.elements.request;
    var jsonProblem = fieldsForm.querySelector('.json-problem');
    var toJson = function () { applyConditions(fieldsForm); requestJson.value = JSON.stringify(build(root), null, 2); };
    var fromJson = function () {
      try {
        var request = JSON.parse(requestJson.value);
        fillAll(root, request && typeof request === 'object' ? request : {});
        applyConditions(fieldsForm);
        jsonProblem.hidden = true;
        return true;
      } catch (e) {
        jsonProblem.textContent = 'Запрос — не JSON, поля не изменены: ' + e.message;
        jsonProblem.hidden = false;
        return false;
      }
    };
    var changed = function (event) {
      if (event.target === requestJson || !root.contains(event.target)) { return; }
      var group = event.target.closest('[data-kind="group"]');
      if (group && present(group) && event.target !== present(group)) { present(group).checked = true; }
      toJson();
    };
    fieldsForm.addEventListener('input', changed);
    fieldsForm.addEventListener('change', changed);
    requestJson.addEventListener('input', fromJson);
    fieldsForm.addEventListener('click', function (event) {
      var add = event.target.closest('[data-add-row]');
      var remove = event.target.closest('[data-remove-row]');
      if (add) { addRow(add.closest('[data-kind="rows"]')); applyConditions(fieldsForm); toJson(); }
      if (remove) { remove.closest('[data-row]').remove(); toJson(); }
    });
    if (fromJson()) { toJson(); }
  }

  onSubmit('fields-form', function (form, target) {
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
