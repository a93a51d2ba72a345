// A decision's answer laid out for people: one renderer per decision (the API's answer shapes, see the decisions'
// records), each row citing its rule and clause with links to their pages, the edition and knowledge-base version
// that answered, the interpretations taken with their alternatives, and the JSON itself on demand. Used by the forms
// «Попробовать» and by the auditor's page (a receipt and its replay side by side). Every block carries the path of
// the answer's field it shows (data-path), so that a replay's differences can be marked where they are. No library.
(function () {
  'use strict';

  function slug(name) {
    return String(name).trim().replace(/\s+/gu, '-').replace(/[^\p{L}\p{N}.\-]/gu, '_');
  }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] !== null && attrs[k] !== undefined) { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) { return; }
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return e;
  }

  function text(value) { return value === null || value === undefined ? '' : String(value); }

  /** "2018-10-01" → "01.10.2018", as the acts write dates. */
  function date(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text(iso));
    return m ? m[3] + '.' + m[2] + '.' + m[1] : text(iso);
  }

  function editionId(edition) { return text(edition).split(' ')[0]; }

  function ruleLink(actId, rule) {
    return rule && actId ? el('a', {'class': 'rule-link', href: '/site/acts/' + actId + '/rules/' + slug(rule)}, ['«' + rule + '»'])
      : el('span', {}, [rule ? '«' + rule + '»' : '']);
  }

  function clauseUrl(actId, edition, clause) {
    return '/site/acts/' + actId + '/editions/' + editionId(edition) + '/clauses/' + slug(clause);
  }

  /** A clause of an act's edition, linked to its own page; the quote, where given, as the link's title. */
  function clauseRef(actId, edition, clause, quote) {
    if (!clause) { return el('span'); }
    // "п. 3.1.4.3", but "Приложение 1", "ПЛАН", "распоряжение п. 2" as the text names them.
    var label = /^\d/.test(clause) ? 'п. ' + clause : clause;
    if (!actId || !edition) { return el('span', {}, [label]); }
    return el('a', {'class': 'clause-link', href: clauseUrl(actId, edition, clause), title: quote ? '«' + quote + '»' : null},
      [label]);
  }

  function clauseLink(citation) {
    return citation ? clauseRef(citation.actId, citation.edition, citation.clause, citation.quote) : el('span');
  }

  /** Rule and clause together, as every row cites them. */
  function cited(actId, rule, citation) {
    return el('span', {'class': 'cited'}, [ruleLink(citation && citation.actId || actId, rule), rule && citation ? ', ' : '',
      clauseLink(citation)]);
  }

  function table(cls, path, heads, rows) {
    return el('table', {'class': cls, 'data-path': path}, [el('thead', {}, [el('tr', {}, heads.map(function (h) {
      return el('th', {}, [h]);
    }))]), el('tbody', {}, rows)]);
  }

  function row(path, cells, attrs) {
    var a = attrs || {};
    a['data-path'] = path;
    return el('tr', a, cells.map(function (c) { return c && c.nodeType ? el('td', {}, [c]) : el('td', {}, [text(c)]); }));
  }

  function yesNo(value) { return value === true ? 'да' : value === false ? 'нет' : ''; }

  /** Every act and edition an answer cites, so that a clause named without its edition still gets its page. */
  function editionsOf(answer) {
    var editions = {};
    (function walk(v) {
      if (Array.isArray(v)) { v.forEach(walk); return; }
      if (v && typeof v === 'object') {
        if (v.actId && v.edition && !editions[v.actId]) { editions[v.actId] = editionId(v.edition); }
        Object.keys(v).forEach(function (k) { walk(v[k]); });
      }
    })(answer);
    return editions;
  }

  var DECISIONS = {'action-matrix': 'Матрица составов действий', 'action-matrix-check': 'Проверка предложенной матрицы',
    deadline: 'Срок шага процедуры', period: 'Срок по ГК РФ', timeline: 'Шаги процедуры по услуге',
    'commission-meeting': 'Заседание экспертной комиссии', completeness: 'Комплектность документов',
    'plan-status': 'Исполнение плана мероприятий'};

  /** Which decision, on which date, by which act and edition (with its dates) and knowledge-base version. */
  function envelope(answer) {
    var r = answer.regulation || {};
    var force = r.inForceFrom ? 'действует с ' + date(r.inForceFrom) + (r.inForceUntil ? ' по ' + date(r.inForceUntil) : '') : '';
    return el('dl', {'class': 'envelope'}, [
      el('dt', {}, ['Решение']), el('dd', {}, [el('code', {'class': 'decision-id'}, [text(answer.decisionId)]), ' — '
        + (DECISIONS[answer.decision] || text(answer.decision))]),
      el('dt', {}, ['На дату']), el('dd', {'class': 'as-of'}, [date(answer.asOf)]),
      el('dt', {}, ['Акт']), el('dd', {}, [r.actId ? el('a', {href: '/site/acts/' + r.actId}, [text(r.act)]) : text(r.act)]),
      el('dt', {}, ['Редакция']), el('dd', {'class': 'edition-applied'}, [r.actId && r.edition
        ? el('a', {href: '/site/acts/' + r.actId + '/editions/' + r.edition}, [text(r.edition)]) : text(r.edition),
        (r.editionAdopted ? ' от ' + date(r.editionAdopted) : '') + (force ? ', ' + force : '')]),
      el('dt', {}, ['База знаний']), el('dd', {}, [el('a', {href: '/site/versions/' + encodeURIComponent(text(answer.knowledgeBaseVersion))},
        [el('code', {'class': 'kb-version'}, [text(answer.knowledgeBaseVersion)])])]),
      el('dt', {}, ['Аудит']), el('dd', {}, [el('a', {href: '/site/audit?decision=' + encodeURIComponent(text(answer.decisionId))},
        ['квитанция и повтор решения'])])]);
  }

  /** A force of law stated for the answer: what a departure is (a recommendation's, a requirement's). */
  function legalForce(force, path) {
    if (!force) { return null; }
    return el('p', {'class': 'legal-force', 'data-path': path}, ['Сила: ' + text(force.departure) + (force.why ? ' — ' + force.why : '') + ' ',
      cited(null, force.rule, force.citation)]);
  }

  function interpretations(answer) {
    var list = answer.interpretations || [];
    if (!list.length) { return el('p', {'class': 'muted', 'data-path': 'interpretations'}, ['Толкований в этом ответе нет.']); }
    var editions = editionsOf(answer);
    return el('div', {'class': 'interpretations', 'data-path': 'interpretations'}, [el('h3', {}, ['Толкования, принятые в ответе']),
      table('interpretations', null, ['Правило', 'Пункт', 'Принятое прочтение', 'Выбрано параметром', 'Другое прочтение'],
        list.map(function (i, n) {
          return row('interpretations[' + n + ']', [ruleLink(i.actId, i.rule), clauseRef(i.actId, editions[i.actId], i.clause),
            el('span', {'class': 'interpretation'}, [text(i.text)]), i.reading ? el('code', {}, [i.reading]) : 'не выбирается запросом',
            text(i.alternative) || '—']);
        }))]);
  }

  function rulesFired(answer) {
    var list = answer.rulesFired || [];
    return el('details', {'class': 'rules-fired', 'data-path': 'rulesFired'}, [el('summary', {}, ['Сработавшие правила: ' + list.length]),
      table('rules', null, ['Правило', 'Пункт', 'Цитата', 'Толкование'], list.map(function (r, n) {
        var c = r.citation || {};
        return row('rulesFired[' + n + ']', [ruleLink(c.actId, r.rule), clauseLink(c), c.quote ? '«' + c.quote + '»' : '',
          el('span', {'class': 'interpretation'}, [text(r.interpretation)])]);
      }))]);
  }

  function json(answer) {
    return el('details', {'class': 'json'}, [el('summary', {}, ['Ответ в JSON']), el('pre', {'class': 'json'}, [JSON.stringify(answer, null, 2)])]);
  }

  // ---- the action matrix and its check (Kamchatka guidelines, 3.1.4; 3.1.2)

  var VALUES = {'1': '1 — в электронной форме', '0': '0 — не в электронной форме', '-': '- — не предусматривается',
    'discretionary': 'на усмотрение'};

  function value(v) { return VALUES[v] || text(v); }

  function matrixTable(cells, actId, path, cls) {
    return table(cls || 'matrix', path, ['№', 'Действие', 'Значение', 'Допустимо', 'Правило', 'Пункт', 'Почему'],
      (cells || []).map(function (c, n) {
        var tr = row(path + '[' + n + ']', [String(c.action), text(c.name), value(c.value), (c.allowed || []).join(', '),
          ruleLink(c.citation ? c.citation.actId : actId, c.rule), clauseLink(c.citation), text(c.why)],
          {'class': 'cell', 'data-action': c.action, 'data-value': c.value});
        tr.children[2].className = 'value value-' + slug(text(c.value));
        return tr;
      }));
  }

  function explanatoryNote(note, actId) {
    if (!note) { return null; }
    return el('p', {'class': 'note', 'data-path': 'result.explanatoryNote'}, ['Пояснительная записка: ' + (note.required ? 'требуется' : 'не требуется')
      + (note.why ? ' — ' + note.why : '') + ' ', cited(actId, note.rule, note.citation)]);
  }

  function matrix(answer, actId) {
    var res = answer.result || {};
    var parts = [el('h2', {}, ['Девять действий']), matrixTable(res.cells, actId, 'result.cells'),
      legalForce(res.actionsLegalForce, 'result.actionsLegalForce'), legalForce(res.legalForce, 'result.legalForce'),
      explanatoryNote(res.explanatoryNote, actId)];
    if (res.approvalRoute) {
      var a = res.approvalRoute;
      parts.push(el('p', {'data-path': 'result.approvalRoute'}, ['Маршрут: предлагает ' + text(a.proposedBy) + ', согласует '
        + text(a.agreedWith) + ', утверждает ' + text(a.approvedBy) + ' ', cited(actId, a.rule, a.citation)]));
    }
    if (res.followUpSteps && res.followUpSteps.length) {
      parts.push(el('h3', {}, ['Дальнейшие шаги раздела 3']));
      parts.push(table('steps', 'result.followUpSteps', ['Шаг', 'Применимость', 'Почему', 'Правило'], res.followUpSteps.map(function (s, n) {
        return row('result.followUpSteps[' + n + ']', [s.step + '. ' + text(s.name), APPLICABILITY[s.applicability] || text(s.applicability),
          text(s.why), cited(actId, s.rule, s.citation)]);
      })));
    }
    return parts;
  }

  function check(answer, actId) {
    var res = answer.result || {};
    var violations = res.violations || [];
    var referrals = res.referrals || [];
    var verdict = text(res.assessment) || (res.compliant ? 'соответствует критериям' : 'не соответствует критериям');
    var parts = [el('h2', {'class': 'verdict ' + (res.compliant ? 'compliant' : 'not-compliant'), 'data-path': 'result.assessment'},
      [verdict.charAt(0).toUpperCase() + verdict.slice(1)]), legalForce(res.legalForce, 'result.legalForce')];
    parts.push(el('h3', {}, ['Отступления: ' + violations.length]));
    if (violations.length) {
      parts.push(table('violations', 'result.violations', ['Действие', 'Предложено', 'По критерию', 'Вывод', 'Почему', 'Критерий', 'Проверка'],
        violations.map(function (v, n) {
          return row('result.violations[' + n + ']', [v.action === null || v.action === undefined ? 'матрица в целом'
            : v.action + '. ' + text(v.name), value(v.proposed), (v.expected || []).map(value).join(', '), text(v.finding), text(v.why),
          cited(actId, v.rule, v.citation), ruleLink(actId, v.check)], {'class': 'violation'});
        })));
    }
    if (referrals.length) {
      parts.push(el('h3', {}, ['На рассмотрение Рабочей группы: ' + referrals.length]));
      parts.push(table('referrals', 'result.referrals', ['Действие', 'Предложено', 'Почему', 'Критерий', 'Проверка'], referrals.map(function (r, n) {
        return row('result.referrals[' + n + ']', [r.action + '. ' + text(r.name), value(r.proposed), text(r.why),
          cited(actId, r.rule, r.citation), ruleLink(actId, r.check)]);
      })));
    }
    parts.push(explanatoryNote(res.explanatoryNote, actId));
    parts.push(el('h3', {}, ['Критерии (значения по 3.1.4)']));
    parts.push(matrixTable(res.criteria, actId, 'result.criteria', 'criteria'));
    return parts;
  }

  // ---- deadlines, periods, timelines (Civil Code 190–194, Kamchatka 2–3.6, decree 845, order 133)

  var UNITS = {'calendar-days': 'календарных дней', 'working-days': 'рабочих дней', weeks: 'недель', months: 'месяцев', years: 'лет'};
  var WEEKDAYS = {MONDAY: 'понедельник', TUESDAY: 'вторник', WEDNESDAY: 'среда', THURSDAY: 'четверг', FRIDAY: 'пятница',
    SATURDAY: 'суббота', SUNDAY: 'воскресенье'};

  function term(t) {
    if (!t) { return ''; }
    var n = text(t.count) + ' ' + (UNITS[t.unit] || text(t.unit));
    switch (t.kind) {
      case 'AFTER_EVENT': return 'в течение ' + n + ' после события';
      case 'BEFORE_EVENT': return 'не позднее чем за ' + n + ' до события';
      case 'FIXED_DATE': return 'не позднее ' + date(t.fixedDate);
      case 'ON_EVENT_DATE': return 'в дату события';
      case 'NTH_WEEKDAY_OF_MONTH': return text(t.count) + '-й ' + (WEEKDAYS[t.weekday] || text(t.weekday)) + ' месяца';
      case 'NOT_EARLIER_THAN': return 'не ранее чем через ' + n + ' после события';
      default: return text(t.kind);
    }
  }

  var ROLES = {event: 'событие', counted: 'учтён', skipped: 'пропущен', 'shifted-over': 'перенос', due: 'срок'};

  function calendar(trace, path) {
    var byDate = {};
    trace.forEach(function (d) { byDate[d.date] = d; });
    if (!trace.length) { return el('p', {'data-path': path}, ['Счёт дней не вёлся (срок — дата).']); }
    var first = new Date(trace[0].date + 'T00:00:00Z');
    var last = new Date(trace[trace.length - 1].date + 'T00:00:00Z');
    var months = [];
    for (var m = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)); m <= last;
         m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
      var head = el('tr', {}, ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'].map(function (h) { return el('th', {}, [h]); }));
      var body = el('tbody');
      var week = el('tr');
      for (var p = 0; p < (m.getUTCDay() + 6) % 7; p++) { week.appendChild(el('td', {'class': 'empty'})); }
      for (var d = new Date(m); d.getUTCMonth() === m.getUTCMonth(); d = new Date(d.getTime() + 86400000)) {
        var iso = d.toISOString().slice(0, 10);
        var day = byDate[iso];
        week.appendChild(el('td', {'class': 'day' + (day ? ' day-' + day.role : ''), 'data-date': iso,
          title: day ? (ROLES[day.role] || day.role) + (day.reason ? ': ' + day.reason : '') : null},
        [String(d.getUTCDate()), day && day.number ? el('small', {}, [' #' + day.number]) : '']));
        if (week.children.length === 7) { body.appendChild(week); week = el('tr'); }
      }
      if (week.children.length) { body.appendChild(week); }
      months.push(el('table', {'class': 'calendar'}, [el('caption', {}, [m.toLocaleDateString('ru-RU', {month: 'long', year: 'numeric', timeZone: 'UTC'})]),
        el('thead', {}, [head]), body]));
    }
    var legend = el('p', {'class': 'legend'}, Object.keys(ROLES).map(function (r) { return el('span', {'class': 'day day-' + r}, [ROLES[r]]); }));
    var skipped = trace.filter(function (d) { return d.role === 'skipped' || d.role === 'shifted-over'; });
    var list = el('details', {}, [el('summary', {}, ['Пропущенные дни: ' + skipped.length]), el('ul', {}, skipped.map(function (d) {
      return el('li', {}, [date(d.date) + ': ' + text(d.reason)]); }))]);
    return el('div', {'class': 'calendars', 'data-path': path}, [legend].concat(months).concat([list]));
  }

  /** A due date with its term, event, rule, the period rules that counted it and the days as a calendar. */
  function deadlineBlock(r, actId, path, heading) {
    r = r || {};
    var parts = [el('h2', {'data-path': path + '.due'}, [heading || 'Срок', ': ', el('strong', {'class': 'due'}, [r.due ? date(r.due) : 'не наступил'])])];
    var facts = [];
    if (r.name) { facts.push(el('li', {}, ['Шаг: ' + r.name])); }
    if (r.term) { facts.push(el('li', {'data-path': path + '.term'}, ['Срок по тексту: ' + term(r.term)])); }
    if (r.event) { facts.push(el('li', {'data-path': path + '.event'}, ['От события: ' + text(r.event.name || r.event.key) + (r.event.date ? ', ' + date(r.event.date) : '')])); }
    if (r.why) { facts.push(el('li', {}, ['Почему: ' + r.why])); }
    if (r.rule) { facts.push(el('li', {'data-path': path + '.rule'}, ['Правило: ', cited(actId, r.rule, r.citation)])); }
    (r.periodRules || []).forEach(function (p, n) {
      facts.push(el('li', {'data-path': path + '.periodRules[' + n + ']'}, ['Счёт по правилу: ', cited(null, p.rule, p.citation)]));
    });
    if (r.extension) {
      var x = r.extension;
      facts.push(el('li', {'data-path': path + '.extension'}, ['Продление: до ' + x.upTo + ' ' + (UNITS[x.unit] || text(x.unit)) + ' (до '
        + date(x.latestDue) + '), ' + (x.permitted === true ? 'допустимо' : x.permitted === false ? 'не допустимо' : 'зависит от неизвестного факта')
        + (x.why ? ' — ' + x.why : '') + ' ', cited(actId, x.rule, x.citation)]));
    }
    parts.push(el('ul', {'class': 'facts'}, facts));
    parts.push(legalForce(r.legalForce, path + '.legalForce'));
    parts.push(calendar(r.trace || [], path + '.trace'));
    return parts;
  }

  function deadline(answer, actId) { return deadlineBlock(answer.result, actId, 'result', 'Срок'); }

  var APPLICABILITY = {applies: 'применяется', 'does-not-apply': 'не применяется', conditional: 'при условии'};
  var STEP_STATUS = {'not-applicable': 'не применяется', 'not-started': 'не начат', due: 'идёт срок', overdue: 'просрочен',
    done: 'выполнен', waiting: 'ещё рано', allowed: 'можно выполнять'};

  function event(e) { return e ? text(e.name || e.key) + (e.date ? ', ' + date(e.date) : ' (ещё не было)') : ''; }

  function timeline(answer, actId) {
    var res = answer.result || {};
    var steps = res.steps || [];
    var overdue = steps.filter(function (s) { return s.status === 'overdue'; }).length;
    return [el('h2', {'class': 'verdict', 'data-path': 'result.steps'}, ['Шагов: ' + steps.length + ', просрочено: ' + overdue]),
      el('h3', {}, ['Известные события']),
      el('ul', {'data-path': 'result.events'}, (res.events || []).map(function (e) { return el('li', {}, [event(e)]); })),
      el('h3', {}, ['Шаги процедуры']),
      table('timeline', 'result.steps', ['Шаг', 'Применимость', 'Статус', 'Срок', 'Отсчёт от', 'Выполнен', 'В срок', 'Правило', 'Почему'],
        steps.map(function (s, n) {
          return row('result.steps[' + n + ']', [text(s.name), el('span', {}, [APPLICABILITY[s.applicability] || text(s.applicability),
            s.applicabilityRule ? el('span', {}, [' по ', ruleLink(actId, s.applicabilityRule)]) : null]),
            el('span', {'class': 'step-status step-' + text(s.status)}, [STEP_STATUS[s.status] || text(s.status)]),
            s.due ? date(s.due) : '—', event(s.countsFrom), event(s.completedBy), yesNo(s.onTime), cited(actId, s.rule, s.citation),
            text(s.why) + (s.legalForce && s.status === 'overdue' ? ' (' + text(s.legalForce.departure) + ')' : '')],
          {'class': 'step', 'data-step': s.step});
        }))];
  }

  // ---- Kazakhstan: the expert commission (decree 845, 27–33), the completeness of documents (15–20; order 133)

  var OUTCOMES = {approved: 'одобрено', returned: 'возвращено на доработку', 'no-quorum': 'нет кворума',
    'no-decision': 'решение не принято'};

  function commission(answer, actId) {
    var res = answer.result || {};
    var findings = res.findings || [];
    var parts = [el('h2', {'class': 'verdict outcome-' + text(res.outcome), 'data-path': 'result.outcome'},
      ['Решение комиссии: ' + (OUTCOMES[res.outcome] || text(res.outcome))]),
      el('p', {'class': 'why', 'data-path': 'result.why'}, [text(res.why) + ' ', cited(actId, res.rule, res.citation)])];
    parts.push(el('h3', {}, ['Отступления от пунктов 28–31: ' + (findings.length || 'нет')]));
    if (findings.length) {
      parts.push(table('findings', 'result.findings', ['Что не так', 'Правило, пункт'], findings.map(function (f, n) {
        return row('result.findings[' + n + ']', [text(f.why), cited(actId, f.rule, f.citation)], {'class': 'finding'});
      })));
    }
    if (res.next) {
      parts = parts.concat(deadlineBlock(res.next, actId, 'result.next', 'Что следует: ' + text(res.next.name)));
    }
    return parts;
  }

  function completeness(answer, actId) {
    var res = answer.result || {};
    var missing = res.missing || [];
    var defects = res.defects || [];
    var parts = [el('h2', {'class': 'verdict ' + (res.complete ? 'compliant' : 'not-compliant'), 'data-path': 'result.complete'},
      [text(res.name) + ': ' + (res.complete ? 'комплект полон' : 'комплект неполон')]),
      el('p', {}, ['Недостаёт частей: ' + missing.length + '; недостатков: ' + defects.length])];
    if (missing.length) {
      parts.push(el('h3', {}, ['Недостающие части']));
      parts.push(table('missing', 'result.missing', ['Часть', 'Наименование', 'Где требуется', 'Текст требования', 'Правило, пункт'],
        missing.map(function (m, n) {
          var quotes = (m.partQuotes || []).map(function (q) { return (q.language === 'kk' ? 'қаз.: ' : '') + '«' + q.text + '»'; }).join(' ');
          return row('result.missing[' + n + ']', [text(m.part), text(m.name) + (m.note ? ' (' + m.note + ')' : ''),
            clauseRef(m.citation ? m.citation.actId : actId, m.citation && m.citation.edition, m.clause), quotes,
            cited(actId, m.rule, m.citation)], {'class': 'missing-part', 'data-part': m.part});
        })));
    }
    if (defects.length) {
      parts.push(el('h3', {}, ['Недостатки']));
      parts.push(table('defects', 'result.defects', ['Часть', 'Почему', 'Правило, пункт'], defects.map(function (d, n) {
        return row('result.defects[' + n + ']', [text(d.part), text(d.why), cited(actId, d.rule, d.citation)], {'class': 'defect'});
      })));
    }
    return parts;
  }

  // ---- the Smolensk plan (order 451-р/адм): every item's status on the day

  var PLAN_STATUS = {'not-started': 'не начато', 'in-progress': 'выполняется', 'term-expired': 'срок истёк', done: 'исполнено',
    ongoing: 'постоянно', 'no-term': 'без срока'};
  var READINGS = {period: 'период', 'by-date': 'до даты (включительно)', ongoing: 'постоянно', quarterly: 'ежеквартально',
    'by-external-schedule': 'по внешнему плану-графику', 'not-set': 'срок не указан'};

  function plan(answer, actId) {
    var items = (answer.result || {}).items || [];
    var edition = answer.regulation && answer.regulation.edition;
    var counts = {};
    items.forEach(function (i) { counts[i.status] = (counts[i.status] || 0) + 1; });
    return [el('h2', {'class': 'verdict', 'data-path': 'result.items'}, ['Пунктов плана: ' + items.length]),
      el('p', {'class': 'plan-counts'}, [Object.keys(counts).map(function (s) { return (PLAN_STATUS[s] || s) + ' — ' + counts[s]; }).join('; ')]),
      table('plan', 'result.items', ['Пункт', 'Мероприятие', 'Срок по плану', 'Прочтение срока', 'Статус', 'Ближайший срок', 'Исполнено', 'Правило', 'Ответственные'],
        items.map(function (i, n) {
          return row('result.items[' + n + ']', [clauseRef(actId, edition, i.item), text(i.title) + (i.note ? ' (' + i.note + ')' : ''),
            text(i.term) || '—', READINGS[i.reading] || text(i.reading),
            el('span', {'class': 'plan-status plan-' + text(i.status)}, [PLAN_STATUS[i.status] || text(i.status)]),
            i.nextDue ? date(i.nextDue) : '—',
            i.completedOn ? date(i.completedOn) + (i.onTime === true ? ', в срок' : i.onTime === false ? ', с опозданием' : '') : '—',
            cited(actId, i.rule, i.citation), text(i.responsible)], {'class': 'plan-item', 'data-item': i.item});
        }))];
  }

  var RENDERERS = {'action-matrix': matrix, 'action-matrix-check': check, deadline: deadline, period: deadline,
    timeline: timeline, 'commission-meeting': commission, completeness: completeness, 'plan-status': plan};

  /** The body of an answer: its decision's own layout, the interpretations, the rules fired, the JSON on demand. */
  function body(answer) {
    var actId = answer.regulation ? answer.regulation.actId : null;
    var render = RENDERERS[answer.decision];
    var parts = render ? render(answer, actId) : [el('pre', {'class': 'json'}, [JSON.stringify(answer.result, null, 2)])];
    return el('div', {'class': 'answer-body decision-' + text(answer.decision), 'data-path': ''},
      parts.concat([interpretations(answer), rulesFired(answer), json(answer)]));
  }

  function render(answer) { return [envelope(answer), body(answer)]; }

  /** The replayed answer: the recorded one with every difference the replay reports put in (a removed field, null). */
  function applyDifferences(recorded, differences, replayedVersion) {
    var now = JSON.parse(JSON.stringify(recorded));
    (differences || []).forEach(function (d) {
      var keys = [];
      String(d.path).replace(/([^.\[\]]+)|\[(\d+)\]/g, function (all, name, index) { keys.push(name !== undefined ? name : Number(index)); });
      var at = now;
      for (var k = 0; k < keys.length - 1; k++) {
        if (at[keys[k]] === undefined || at[keys[k]] === null) { at[keys[k]] = typeof keys[k + 1] === 'number' ? [] : {}; }
        at = at[keys[k]];
      }
      var lastKey = keys[keys.length - 1];
      if (d.replayed === null || d.replayed === undefined) { delete at[lastKey]; } else { at[lastKey] = d.replayed; }
    });
    if (replayedVersion) { now.knowledgeBaseVersion = replayedVersion; }
    return now;
  }

  /** Marks, in a rendered answer, the most specific block showing each differing field. */
  function markDifferences(root, differences) {
    var blocks = Array.prototype.slice.call(root.querySelectorAll('[data-path]'));
    if (root.hasAttribute('data-path')) { blocks.push(root); }
    (differences || []).forEach(function (d) {
      var best = null;
      blocks.forEach(function (b) {
        var p = b.getAttribute('data-path');
        if ((p === '' || d.path === p || d.path.indexOf(p + '.') === 0 || d.path.indexOf(p + '[') === 0)
            && (best === null || p.length > best.getAttribute('data-path').length)) { best = b; }
      });
      if (best) { best.classList.add('differs'); }
    });
  }

  window.ReglamentAnswers = {el: el, text: text, date: date, slug: slug, render: render, body: body, envelope: envelope,
    calendar: calendar, applyDifferences: applyDifferences, markDifferences: markDifferences, decisions: DECISIONS};
})();
