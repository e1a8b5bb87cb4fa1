// The auditors' page: reads /api/v1/audit (the Cockpit sign-in or HTTP Basic) and draws the summary,
// a chart of the whole application against the deadline, the applications with breaches and one
// application's steps. Plain JS, no build step.
(function () {
  'use strict';

  var TEXT = {
    en: {
      title: 'Regulation compliance', from: 'From', to: 'To', service: 'Service', provider: 'Provider', show: 'Show',
      csv: 'CSV', services: 'Services', providers: 'Providers',
      chartCaption: 'Whole application in working days: median and 95th percentile against the deadline (red: beyond it)',
      total: 'Total', finished: 'Finished', issued: 'Issued', refused: 'Refused', running: 'Running', overdue: 'Overdue',
      deadlineBreaches: 'Deadline breaches', stepBreaches: 'Step breaches', median: 'Median', p95: '95th percentile',
      deadline: 'Deadline, WD', steps: 'Steps against their norms', step: 'Step', norm: 'Norm', count: 'Count',
      exceeded: 'Exceeded', breached: 'Applications with breaches', application: 'Application', status: 'Status',
      submitted: 'Submitted', deadlineAt: 'Deadline', deadlineStatus: 'Deadline kept?', workingDays: 'Working days',
      stepsExceeded: 'Steps over norm', clause: 'Clause', actual: 'Actual', started: 'Started', ended: 'Ended',
      verdict: 'Verdict', within: 'within the norm', 'exceeded-v': 'norm exceeded', 'no-norm': 'no norm',
      met: 'met', 'breached-d': 'breached', 'overdue-d': 'overdue (running)', due: '{n} WD left', none: 'no deadline',
      'st-issued': 'issued', 'st-refused': 'refused', 'st-running': 'running', 'st-ended': 'ended without a result',
      wd: 'WD', s: 's', min: 'min', h: 'h', noBreaches: 'No breaches in this period', error: 'The report could not be loaded',
      legendMedian: 'median', legendP95: '95th percentile', legendDeadline: 'deadline', runningStep: 'still running'
    },
    ru: {
      title: 'Соблюдение регламента', from: 'С', to: 'По', service: 'Услуга', provider: 'Услугодатель',
      show: 'Показать', csv: 'CSV', services: 'Услуги', providers: 'Услугодатели',
      chartCaption: 'Рассмотрение заявления целиком, рабочие дни: медиана и 95-й процентиль в сравнении со сроком (красным — сверх срока)',
      total: 'Всего', finished: 'Завершено', issued: 'Выдано', refused: 'Отказано', running: 'В работе',
      overdue: 'Просрочено', deadlineBreaches: 'Нарушения срока', stepBreaches: 'Нарушения норм шагов',
      median: 'Медиана', p95: '95-й процентиль', deadline: 'Срок, р.д.', steps: 'Шаги в сравнении с нормами',
      step: 'Шаг', norm: 'Норма', count: 'Количество', exceeded: 'Превышено', breached: 'Заявления с нарушениями',
      application: 'Заявление', status: 'Статус', submitted: 'Подано', deadlineAt: 'Срок', deadlineStatus: 'Срок соблюден?',
      workingDays: 'Рабочие дни', stepsExceeded: 'Шаги сверх нормы', clause: 'Пункт', actual: 'Фактически',
      started: 'Начало', ended: 'Окончание', verdict: 'Итог', within: 'в пределах нормы', 'exceeded-v': 'норма превышена',
      'no-norm': 'нормы нет', met: 'соблюден', 'breached-d': 'нарушен', 'overdue-d': 'просрочено (в работе)',
      due: 'осталось {n} р.д.', none: 'срока нет', 'st-issued': 'выдано', 'st-refused': 'отказано',
      'st-running': 'в работе', 'st-ended': 'завершено без результата', wd: 'р.д.', s: 'с', min: 'мин', h: 'ч',
      noBreaches: 'Нарушений за период нет', error: 'Не удалось загрузить отчет', legendMedian: 'медиана',
      legendP95: '95-й процентиль', legendDeadline: 'срок', runningStep: 'еще выполняется'
    },
    kk: {
      title: 'Регламенттің сақталуы', from: 'Бастап', to: 'Дейін', service: 'Қызмет',
      provider: 'Көрсетілетін қызметті беруші', show: 'Көрсету', csv: 'CSV', services: 'Қызметтер',
      providers: 'Көрсетілетін қызметті берушілер',
      chartCaption: 'Өтінішті толық қарау, жұмыс күндері: медиана және 95-процентиль мерзіммен салыстырғанда (қызыл — мерзімнен тыс)',
      total: 'Барлығы', finished: 'Аяқталды', issued: 'Берілді', refused: 'Бас тартылды', running: 'Орындалуда',
      overdue: 'Мерзімі өткен', deadlineBreaches: 'Мерзімнің бұзылуы', stepBreaches: 'Қадам нормаларының бұзылуы',
      median: 'Медиана', p95: '95-процентиль', deadline: 'Мерзім, ж.к.', steps: 'Қадамдар нормаларымен салыстырғанда',
      step: 'Қадам', norm: 'Норма', count: 'Саны', exceeded: 'Нормадан асқаны', breached: 'Бұзушылықтары бар өтініштер',
      application: 'Өтініш', status: 'Мәртебесі', submitted: 'Берілген уақыты', deadlineAt: 'Мерзімі',
      deadlineStatus: 'Мерзім сақталды ма?', workingDays: 'Жұмыс күндері', stepsExceeded: 'Нормадан асқан қадамдар',
      clause: 'Тармақ', actual: 'Нақты', started: 'Басталды', ended: 'Аяқталды', verdict: 'Қорытынды',
      within: 'норма шегінде', 'exceeded-v': 'нормадан асты', 'no-norm': 'норма жоқ', met: 'сақталды',
      'breached-d': 'бұзылды', 'overdue-d': 'мерзімі өтті (орындалуда)', due: '{n} ж.к. қалды', none: 'мерзім жоқ',
      'st-issued': 'берілді', 'st-refused': 'бас тартылды', 'st-running': 'орындалуда',
      'st-ended': 'нәтижесіз аяқталды', wd: 'ж.к.', s: 'с', min: 'мин', h: 'сағ',
      noBreaches: 'Кезеңде бұзушылық жоқ', error: 'Есепті жүктеу мүмкін болмады', legendMedian: 'медиана',
      legendP95: '95-процентиль', legendDeadline: 'мерзім', runningStep: 'әлі орындалуда'
    }
  };

  var lang = localStorage.getItem('audit.lang') || (navigator.language || 'kk').slice(0, 2);
  if (!TEXT[lang]) { lang = 'kk'; }
  var last = null;

  function t(key) { return TEXT[lang][key] || TEXT.en[key] || key; }
  function $(selector) { return document.querySelector(selector); }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-t]').forEach(function (el) { el.textContent = t(el.getAttribute('data-t')); });
    document.querySelectorAll('button[data-lang]').forEach(function (b) {
      b.classList.toggle('active', b.getAttribute('data-lang') === lang);
    });
    document.title = t('title');
  }

  function query(extra) {
    var form = new FormData($('#filters'));
    var params = new URLSearchParams();
    form.forEach(function (value, key) { if (String(value).trim()) { params.set(key, String(value).trim()); } });
    Object.keys(extra || {}).forEach(function (k) { params.set(k, extra[k]); });
    var text = params.toString();
    return text ? '?' + text : '';
  }

  function getJson(path) {
    return fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error((body && body.detail) || r.status); }
        return body;
      });
    });
  }

  function name(group, key) {
    var names = group.name;
    var id = group[key];
    return names && names[lang] ? names[lang] + ' (' + id + ')' : id;
  }

  function number(value) {
    if (value === null || value === undefined) { return '—'; }
    return Math.round(value * 10) / 10 + '';
  }

  function duration(value, unit) {
    if (value === null || value === undefined) { return '—'; }
    if (unit === 'working days') { return number(value) + ' ' + t('wd'); }
    var seconds = Math.round(value);
    if (seconds < 60) { return seconds + ' ' + t('s'); }
    var minutes = Math.floor(seconds / 60);
    if (minutes < 60) { return minutes + ' ' + t('min') + (seconds % 60 ? ' ' + seconds % 60 + ' ' + t('s') : ''); }
    return Math.floor(minutes / 60) + ' ' + t('h') + (minutes % 60 ? ' ' + minutes % 60 + ' ' + t('min') : '');
  }

  function time(text) {
    return text ? text.replace('T', ' ').replace(/:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$/, '') : '—';
  }

  function cell(row, text, className) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) { td.className = className; }
    row.appendChild(td);
    return td;
  }

  function fill(selector, rows, render) {
    var body = $(selector + ' tbody');
    body.textContent = '';
    rows.forEach(function (item) { var tr = document.createElement('tr'); render(tr, item); body.appendChild(tr); });
  }

  function deadlineText(a) {
    if (a.deadline === 'due') { return t('due').replace('{n}', a.dueInWorkingDays); }
    return t({ met: 'met', breached: 'breached-d', overdue: 'overdue-d', due: 'due', none: 'none' }[a.deadline]);
  }

  function render() {
    if (!last) { return; }
    var summary = last.summary;
    fill('#services', summary.services, function (tr, g) {
      if (g.deadlineBreaches > 0 || g.stepBreaches > 0) { tr.className = 'breach'; }
      cell(tr, name(g, 'service'));
      cell(tr, g.provider);
      [g.total, g.finished, g.issued, g.refused, g.running, g.overdue, g.deadlineBreaches, g.stepBreaches]
        .forEach(function (n) { cell(tr, n, 'n'); });
      cell(tr, number(g.workingDays.median), 'n');
      cell(tr, number(g.workingDays.p95), 'n');
      cell(tr, number(g.deadlineWorkingDays), 'n');
    });
    var steps = [];
    summary.services.forEach(function (g) {
      g.steps.forEach(function (s) { steps.push({ group: g, step: s }); });
    });
    fill('#steps', steps, function (tr, item) {
      var s = item.step;
      if (s.exceeded > 0) { tr.className = 'breach'; }
      cell(tr, item.group.service);
      cell(tr, s.name);
      cell(tr, s.norm ? duration(s.normValue, s.unit) : '—');
      cell(tr, s.count, 'n');
      cell(tr, s.exceeded, 'n');
      cell(tr, duration(s.actual.median, s.unit), 'n');
      cell(tr, duration(s.actual.p95, s.unit), 'n');
    });
    fill('#providers', summary.providers, function (tr, g) {
      if (g.deadlineBreaches > 0 || g.stepBreaches > 0) { tr.className = 'breach'; }
      cell(tr, name(g, 'provider'));
      [g.total, g.finished, g.running, g.overdue, g.deadlineBreaches, g.stepBreaches]
        .forEach(function (n) { cell(tr, n, 'n'); });
      cell(tr, number(g.workingDays.median), 'n');
      cell(tr, number(g.workingDays.p95), 'n');
    });
    chart(summary.services);
    var applications = last.applications.applications;
    fill('#applications', applications, function (tr, a) {
      var link = document.createElement('a');
      link.className = 'drill';
      link.textContent = a.id;
      link.addEventListener('click', function () { detail(a.id); });
      cell(tr, '').appendChild(link);
      cell(tr, a.service);
      cell(tr, t('st-' + a.status));
      cell(tr, time(a.submittedAt));
      cell(tr, time(a.deadlineAt));
      cell(tr, deadlineText(a), a.deadline === 'breached' || a.deadline === 'overdue' ? 'breach bad' : '');
      cell(tr, a.workingDays, 'n');
      cell(tr, a.stepsExceeded, a.stepsExceeded > 0 ? 'n breach' : 'n');
    });
    if (!applications.length) {
      var tr = document.createElement('tr');
      cell(tr, t('noBreaches')).colSpan = 8;
      $('#applications tbody').appendChild(tr);
    }
    if (last.detail) { renderDetail(last.detail); }
  }

  // SVG bars: the median and the 95th percentile of each service in working days, the deadline as a line
  function chart(groups) {
    var svg = $('#chart');
    var ns = 'http://www.w3.org/2000/svg';
    svg.textContent = '';
    var rows = groups.filter(function (g) { return g.workingDays.count > 0 || g.deadlineWorkingDays; });
    var left = 220, width = 520, rowHeight = 38, top = 24;
    var max = 1;
    rows.forEach(function (g) { max = Math.max(max, g.workingDays.p95 || 0, g.deadlineWorkingDays || 0); });
    svg.setAttribute('width', left + width + 40);
    svg.setAttribute('height', top + rows.length * rowHeight + 10);
    function el(tag, attrs, text) {
      var e = document.createElementNS(ns, tag);
      Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
      if (text !== undefined) { e.textContent = text; }
      svg.appendChild(e);
      return e;
    }
    function x(value) { return left + width * value / max; }
    el('rect', { x: left, y: 4, width: 12, height: 10, fill: '#8fb8e8' });
    el('text', { x: left + 16, y: 13 }, t('legendMedian'));
    el('rect', { x: left + 110, y: 4, width: 12, height: 10, fill: '#2c6db5' });
    el('text', { x: left + 126, y: 13 }, t('legendP95'));
    el('line', { x1: left + 250, y1: 4, x2: left + 250, y2: 14, stroke: '#b3261e', 'stroke-width': 2 });
    el('text', { x: left + 256, y: 13 }, t('legendDeadline'));
    rows.forEach(function (g, i) {
      var y = top + i * rowHeight;
      var deadline = g.deadlineWorkingDays;
      el('text', { x: 4, y: y + 20 }, g.service);
      [['median', 4, '#8fb8e8'], ['p95', 18, '#2c6db5']].forEach(function (bar) {
        var value = g.workingDays[bar[0]];
        if (value === null || value === undefined) { return; }
        var over = deadline && value > deadline;
        var rect = el('rect', { x: left, y: y + bar[1], width: Math.max(1, x(value) - left), height: 12,
          fill: over ? '#d9534f' : bar[2], 'class': over ? 'bar over' : 'bar' });
        el('title', {}, t(bar[0]) + ': ' + number(value) + ' ' + t('wd'));
        rect.appendChild(svg.lastChild);
        el('text', { x: x(value) + 4, y: y + bar[1] + 10 }, number(value));
      });
      if (deadline) {
        el('line', { x1: x(deadline), y1: y, x2: x(deadline), y2: y + 34, stroke: '#b3261e', 'stroke-width': 2,
          'class': 'deadline' });
      }
    });
  }

  function renderDetail(a) {
    $('#detail').hidden = false;
    $('#detail-id').textContent = a.id;
    $('#detail-summary').textContent = [a.processName, t('st-' + a.status), t('submitted') + ': ' + time(a.submittedAt),
      t('deadlineAt') + ': ' + time(a.deadlineAt) + ' — ' + deadlineText(a),
      t('workingDays') + ': ' + a.workingDays].join(' · ');
    fill('#detail-steps', a.steps, function (tr, s) {
      if (s.status === 'exceeded') { tr.className = 'breach'; }
      cell(tr, s.name);
      cell(tr, s.clause || '');
      cell(tr, s.norm ? duration(s.normValue, s.unit) + (s.normText ? ' (' + s.normText + ')' : '') : '—');
      cell(tr, duration(s.actual, s.unit) + (s.running ? ', ' + t('runningStep') : ''), 'n');
      cell(tr, time(s.startedAt));
      cell(tr, time(s.endedAt));
      cell(tr, t(s.status === 'exceeded' ? 'exceeded-v' : s.status), s.status === 'exceeded' ? 'bad' : 'ok');
    });
    $('#detail-csv').href = '/api/v1/audit/applications/' + encodeURIComponent(a.id) + '.csv';
  }

  function detail(id) {
    getJson('/api/v1/audit/applications/' + encodeURIComponent(id)).then(function (a) {
      last.detail = a;
      renderDetail(a);
      $('#detail').scrollIntoView();
    }).catch(showError);
  }

  function showError(e) {
    var error = $('#error');
    error.hidden = false;
    error.textContent = t('error') + ': ' + e.message;
  }

  function load() {
    $('#error').hidden = true;
    $('#summary-csv').href = '/api/v1/audit/summary.csv' + query();
    $('#applications-csv').href = '/api/v1/audit/applications.csv' + query({ breached: 'true' });
    Promise.all([getJson('/api/v1/audit/summary' + query()),
      getJson('/api/v1/audit/applications' + query({ breached: 'true' }))]).then(function (results) {
      last = { summary: results[0], applications: results[1], detail: null };
      $('#detail').hidden = true;
      render();
      document.body.setAttribute('data-loaded', 'true');
    }).catch(showError);
  }

  // the page's own address carries the filters, so that a link shows the same report
  var initial = new URLSearchParams(location.search);
  ['from', 'to', 'service', 'provider'].forEach(function (k) {
    if (initial.get(k)) { $('#filters [name=' + k + ']').value = initial.get(k); }
  });
  $('#filters').addEventListener('submit', function (e) {
    e.preventDefault();
    history.replaceState(null, '', location.pathname + query());
    load();
  });
  document.querySelectorAll('button[data-lang]').forEach(function (b) {
    b.addEventListener('click', function () {
      lang = b.getAttribute('data-lang');
      localStorage.setItem('audit.lang', lang);
      applyLanguage();
      render();
    });
  });
  applyLanguage();
  load();
})();
