// absmc report: turns the data embedded in the page (#absmc-data) into Apache ECharts options, one
// chart per element of class "chart". Every figure the charts show was computed by absmc and
// written to Parquet; this script only chooses axes, colours and number formats.
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('absmc-data').textContent);
  var units = data.units;
  var palette = ['#1f4e79', '#c0504d', '#4f8a3c', '#d08c1d', '#7a4f9a', '#2b8a9a', '#8c564b',
    '#5f5f5f'];

  // names come from scenario files: tooltips are HTML, so every name goes in escaped
  function esc(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }
  function round(v, decimals) {
    return Number(v).toLocaleString('en-US',
      {minimumFractionDigits: decimals, maximumFractionDigits: decimals});
  }
  function pct(v, decimals) {
    return v == null ? '-' : round(v * 100, decimals) + '%';
  }
  // axis labels: as few digits as the tick needs
  function pctTick(v) {
    return parseFloat((v * 100).toPrecision(4)) + '%';
  }
  function bp(v, decimals) {
    return v == null ? '-' : round(v * 1e4, decimals) + ' bp';
  }
  function probTick(v) {
    return v >= 0.01 ? pctTick(v) : v.toExponential(0);
  }
  function money(v, decimals) {
    return v == null ? '-' : round(v / units.divisor, decimals) + units.suffix;
  }
  function moneyTick(v) {
    return round(v / units.divisor, units.divisor >= 1e8 ? 2 : 0);
  }

  function base(spec) {
    return {
      animation: false,
      color: palette,
      title: {text: spec.title, left: 'center', top: 4, textStyle: {fontSize: 14, fontWeight: 600}},
      tooltip: {trigger: 'axis', confine: true},
      legend: {bottom: 0, type: 'scroll'},
      grid: {left: 72, right: 40, top: 48, bottom: 72, containLabel: false},
      toolbox: {right: 12, feature: {saveAsImage: {title: 'PNG', pixelRatio: 2}}}
    };
  }

  function markX(value, name, color) {
    return {xAxis: value, name: name, lineStyle: {color: color, type: 'dashed', width: 1.5},
      label: {show: false}};
  }

  var builders = {};

  // pool loss histogram with mean, quantiles and expected shortfall marked
  builders.histogram = function (spec) {
    var o = base(spec);
    var points = spec.bins.map(function (b) { return [b[0], b[2]]; });
    var last = spec.bins[spec.bins.length - 1];
    points.push([last[1], last[2]]);
    o.xAxis = {type: 'value', name: spec.xName, nameLocation: 'middle', nameGap: 28,
      min: 0, max: last[1], axisLabel: {formatter: pctTick}};
    o.yAxis = {type: 'value', name: 'share of paths', axisLabel: {formatter: pctTick}};
    o.tooltip = {trigger: 'axis', confine: true, formatter: function (ps) {
      var x = ps[0].value[0];
      var bin = spec.bins.find(function (b) { return x >= b[0] && x < b[1]; }) || last;
      return 'pool loss ' + pct(bin[0], 3) + ' to ' + pct(bin[1], 3) + '<br>'
        + pct(bin[2], 3) + ' of paths';
    }};
    o.series = [{name: 'paths', type: 'line', step: 'end', symbol: 'none', data: points,
      areaStyle: {opacity: 0.35}, lineStyle: {width: 1}}];
    spec.marks.forEach(function (m, i) {
      var color = palette[(i + 1) % palette.length];
      o.series.push({name: m.name + ' ' + pct(m.value, 3), type: 'line', data: [],
        color: color, markLine: {symbol: 'none', silent: false, data: [markX(m.value, m.name, color)]}});
    });
    return o;
  };

  // vintages' cumulative default curves, thin, and the fitted curve, thick
  builders.vintages = function (spec) {
    var o = base(spec);
    o.legend = {show: false};
    o.xAxis = {type: 'value', name: 'month on book', nameLocation: 'middle', nameGap: 28,
      minInterval: 1};
    o.yAxis = {type: 'value', name: 'cumulative default rate', axisLabel: {formatter: pctTick}};
    o.tooltip = {trigger: 'item', confine: true, formatter: function (p) {
      return esc(p.seriesName) + '<br>month ' + p.value[0] + ': ' + pct(p.value[1], 3);
    }};
    o.series = spec.series.map(function (s) {
      return {name: s.name, type: 'line', data: s.points, symbol: 'none',
        lineStyle: {width: 1, opacity: 0.35}, color: palette[1]};
    });
    o.series.push({name: 'fit: mean lifetime rate x timing', type: 'line', data: spec.fit,
      symbolSize: 5, lineStyle: {width: 3}, color: palette[0]});
    if (spec.logistic && spec.logistic.length) {
      o.series.push({name: 'logistic timing', type: 'line', data: spec.logistic, symbol: 'none',
        lineStyle: {width: 2, type: 'dashed'}, color: palette[2]});
    }
    return o;
  };

  // residuals of the vintage fit by month on book
  builders.residuals = function (spec) {
    var o = base(spec);
    o.xAxis = {type: 'value', name: 'month on book', nameLocation: 'middle', nameGap: 28,
      minInterval: 1};
    o.yAxis = {type: 'value', name: 'observed less fitted', axisLabel: {formatter: pctTick}};
    o.tooltip = {trigger: 'item', confine: true, formatter: function (p) {
      return esc(p.data.name) + '<br>month ' + p.value[0] + ': ' + pct(p.value[1], 3);
    }};
    o.series = [{name: 'residual', type: 'scatter', symbolSize: 4, color: palette[0],
      data: spec.points.map(function (p) { return {value: [p.x, p.y], name: p.name}; })}];
    return o;
  };

  // lifetime default rates: histogram with the fitted densities
  builders.lifetimes = function (spec) {
    var o = base(spec);
    o.xAxis = {type: 'value', name: 'lifetime default rate', nameLocation: 'middle', nameGap: 28,
      axisLabel: {formatter: pctTick}};
    o.yAxis = {type: 'value', name: 'vintages'};
    o.tooltip = {trigger: 'axis', confine: true, formatter: function (ps) {
      return ps.map(function (p) {
        return esc(p.seriesName) + ': ' + round(p.value[1], 2);
      }).join('<br>');
    }};
    o.series = [
      {name: 'vintages', type: 'bar', barWidth: '90%', data: spec.bars, color: palette[1]},
      {name: 'lognormal (mean, cv)', type: 'line', symbol: 'none', data: spec.lognormal,
        color: palette[0]},
      {name: 'Vasicek (maximum likelihood)', type: 'line', symbol: 'none', data: spec.vasicek,
        color: palette[2]}];
    return o;
  };

  // a loan tape's balance by bucket
  builders.bar = function (spec) {
    var o = base(spec);
    o.xAxis = {type: 'category', data: spec.categories};
    o.yAxis = {type: 'value', name: spec.yName};
    o.tooltip = {trigger: 'axis', confine: true, formatter: function (ps) {
      return esc(ps[0].name) + '<br>' + round(ps[0].value, 2) + ' ' + esc(spec.yName);
    }};
    o.series = [{name: spec.yName, type: 'bar', data: spec.values, color: palette[0]}];
    return o;
  };

  // exceedance curves on a log scale; marks where each tranche starts to lose
  builders.exceedance = function (spec) {
    var o = base(spec);
    o.xAxis = {type: 'value', name: spec.xName, nameLocation: 'middle', nameGap: 28, min: 0,
      max: spec.xMax, axisLabel: {formatter: pctTick}};
    o.yAxis = {type: 'log', name: 'P(loss above)', min: spec.yMin, max: 1, logBase: 10,
      axisLabel: {formatter: probTick}};
    o.tooltip = {trigger: 'item', confine: true, formatter: function (p) {
      return esc(p.seriesName) + '<br>loss above ' + pct(p.value[0], 2) + ': '
        + (p.value[1] >= 0.001 ? pct(p.value[1], 3) : p.value[1].toExponential(2));
    }};
    o.series = spec.series.map(function (s, i) {
      var series = {name: s.name, type: 'line', step: 'end', symbolSize: 3, data: s.points,
        color: palette[i % palette.length]};
      if (s.attachment != null) {
        series.markLine = {symbol: 'none', data: [
          {xAxis: s.attachment, lineStyle: {type: 'dashed', color: palette[i % palette.length]},
            label: {formatter: s.label, position: 'insideEndTop', fontSize: 11}}]};
      }
      return series;
    });
    return o;
  };

  // bands: an invisible lower line and a stacked, shaded difference up to the upper line
  function band(name, lower, upper, color, yAxisIndex) {
    var stack = 'band-' + name;
    return [
      {name: name + ' 5-95%', type: 'line', stack: stack, symbol: 'none', data: lower,
        lineStyle: {opacity: 0}, color: color, yAxisIndex: yAxisIndex || 0, tooltip: {show: false}},
      {name: name + ' 5-95%', type: 'line', stack: stack, symbol: 'none',
        data: upper.map(function (u, k) { return u - lower[k]; }), lineStyle: {opacity: 0},
        areaStyle: {opacity: 0.18, color: color}, color: color, yAxisIndex: yAxisIndex || 0,
        tooltip: {show: false}}
    ];
  }

  function moneyAxis(name) {
    return {type: 'value', name: name + ' (' + units.label + ')', axisLabel: {formatter: moneyTick}};
  }

  function bandTooltip(spec) {
    return {trigger: 'axis', confine: true, formatter: function (ps) {
      var k = ps[0].dataIndex;
      var lines = [esc(spec.dates[k]) + ' (period ' + (k + 1) + ')'];
      spec.series.forEach(function (s) {
        lines.push(esc(s.name) + ': ' + money(s.mean[k], 2) + ' (5-95%: ' + money(s.q05[k], 2)
          + ' to ' + money(s.q95[k], 2) + ')');
      });
      (spec.flows || []).forEach(function (f) {
        lines.push(esc(f.name) + ': ' + money(f.values[k], 2));
      });
      return lines.join('<br>');
    }};
  }

  builders.balances = function (spec) {
    var o = base(spec);
    o.xAxis = {type: 'category', data: spec.dates, name: 'payment date', nameLocation: 'middle',
      nameGap: 28, boundaryGap: false};
    o.yAxis = [moneyAxis('balance')];
    o.tooltip = bandTooltip(spec);
    o.series = [];
    spec.series.forEach(function (s, i) {
      var color = palette[i % palette.length];
      o.series.push({name: s.name, type: 'line', data: s.mean, color: color, symbolSize: 4});
      band(s.name, s.q05, s.q95, color).forEach(function (b) { o.series.push(b); });
    });
    if (spec.flows) {
      o.xAxis.boundaryGap = true;
      o.yAxis.push(moneyAxis('per period'));
      o.grid.right = 80;
      spec.flows.forEach(function (f, j) {
        o.series.push({name: f.name, type: 'bar', yAxisIndex: 1, data: f.values, barGap: 0,
          color: palette[(j + 2) % palette.length], itemStyle: {opacity: 0.7}});
      });
    }
    o.legend.data = o.series.map(function (s) { return s.name; })
      .filter(function (n, k, all) { return all.indexOf(n) === k; });
    return o;
  };

  // mean past-due principal stacked by bucket; on the right, the 95th percentile of the share
  // of the pool 30+ days past due
  builders.pastdue = function (spec) {
    var o = base(spec);
    o.xAxis = {type: 'category', data: spec.dates, name: 'payment date', nameLocation: 'middle',
      nameGap: 28, boundaryGap: false};
    o.yAxis = [moneyAxis('past due'),
      {type: 'value', name: '30+ share of the pool', axisLabel: {formatter: pctTick},
        splitLine: {show: false}}];
    o.grid.right = 80;
    o.tooltip = {trigger: 'axis', confine: true, formatter: function (ps) {
      var k = ps[0].dataIndex;
      var lines = [esc(spec.dates[k]) + ' (period ' + (k + 1) + ')'];
      spec.buckets.forEach(function (b) {
        lines.push(esc(b.name) + ' days: ' + money(b.values[k], 2));
      });
      lines.push('30+ share, 95th percentile: ' + pct(spec.q95[k], 2));
      return lines.join('<br>');
    }};
    o.series = spec.buckets.map(function (b) {
      return {name: b.name + ' days (mean)', type: 'line', stack: 'past-due', symbol: 'none',
        areaStyle: {opacity: 0.6}, data: b.values};
    });
    o.series.push({name: '30+ share, 95th percentile', type: 'line', yAxisIndex: 1,
      data: spec.q95, symbolSize: 4, lineStyle: {type: 'dashed'}, color: '#333333'});
    return o;
  };

  builders.triggers = function (spec) {
    var o = base(spec);
    o.xAxis = {type: 'category', data: spec.dates, name: 'payment date', nameLocation: 'middle',
      nameGap: 28};
    o.yAxis = {type: 'value', name: 'first breach, share of paths', axisLabel: {formatter: pctTick}};
    o.tooltip.valueFormatter = function (v) { return pct(v, 3); };
    o.series = spec.series.map(function (s) {
      return {name: s.name + ' (P(breach) ' + pct(s.probability, 2) + ')', type: 'bar',
        stack: 'breach', data: s.values};
    });
    return o;
  };

  // scenario x tranche EL; the colour follows log10(EL) so that bp and % both show
  builders.heatmap = function (spec) {
    var o = base(spec);
    o.grid = {left: 180, right: 120, top: 48, bottom: 48};
    o.xAxis = {type: 'category', data: spec.tranches, position: 'top', splitArea: {show: true}};
    o.yAxis = {type: 'category', data: spec.scenarios, inverse: true, splitArea: {show: true}};
    var logs = spec.cells.filter(function (c) { return c[2] > 0; })
      .map(function (c) { return Math.log10(c[2]); });
    var lo = logs.length ? Math.floor(Math.min.apply(null, logs)) : -6;
    var hi = logs.length ? Math.ceil(Math.max.apply(null, logs)) : 0;
    if (hi === lo) { hi = lo + 1; }
    o.visualMap = {type: 'continuous', min: lo, max: hi, dimension: 3, calculable: false,
      orient: 'vertical', right: 8, top: 'middle', text: ['higher EL', 'lower'],
      inRange: {color: ['#f7fbff', '#fee391', '#fe9929', '#cc4c02', '#662506']},
      formatter: function (v) { return bp(Math.pow(10, v), 2); }};
    o.tooltip = {trigger: 'item', confine: true, formatter: function (p) {
      return esc(spec.scenarios[p.value[1]]) + '<br>' + esc(spec.tranches[p.value[0]]) + ' EL '
        + bp(p.value[2], 2) + ' (' + pct(p.value[2], 4) + ')';
    }};
    o.legend = {show: false};
    o.series = [{name: 'EL', type: 'heatmap', label: {show: true, fontSize: 10,
      formatter: function (p) { return bp(p.value[2], p.value[2] * 1e4 >= 100 ? 0 : 2); }},
      data: spec.cells.map(function (c) {
        return [c[0], c[1], c[2], c[2] > 0 ? Math.log10(c[2]) : lo];
      })}];
    return o;
  };

  // each stress's change of one tranche's EL from the base case, largest on top
  builders.tornado = function (spec) {
    var o = base(spec);
    o.grid = {left: 180, right: 48, top: 48, bottom: 48};
    o.xAxis = {type: 'value', name: 'change of EL (bp)', nameLocation: 'middle', nameGap: 28,
      axisLabel: {formatter: function (v) { return round(v * 1e4, 1); }}};
    o.yAxis = {type: 'category', data: spec.scenarios, axisTick: {show: false}};
    o.tooltip = {trigger: 'axis', axisPointer: {type: 'shadow'}, confine: true,
      formatter: function (ps) {
        var k = ps[0].dataIndex;
        return esc(spec.scenarios[k]) + '<br>EL ' + bp(spec.el[k], 2) + ', '
          + (spec.delta[k] >= 0 ? '+' : '') + bp(spec.delta[k], 2) + ' against ' + esc(spec.base);
      }};
    o.legend = {show: false};
    o.series = [{name: 'change of EL', type: 'bar', data: spec.delta.map(function (d) {
      return {value: d, itemStyle: {color: d >= 0 ? '#c0504d' : '#4f8a3c'}};
    })}];
    return o;
  };

  // target default rates by rating against each tranche's minimum critical default rate
  builders.breakeven = function (spec) {
    var o = base(spec);
    o.xAxis = {type: 'category', data: spec.ratings, name: 'rating', nameLocation: 'middle',
      nameGap: 28};
    // the axis reaches the highest tranche line too: markLines do not stretch an axis
    var top = Math.max.apply(null, spec.tranches.map(function (t) { return t.rate; })
      .concat(spec.methods.map(function (m) {
        return Math.max.apply(null, m.targets.filter(function (v) { return v != null; }));
      })));
    o.yAxis = {type: 'value', name: 'cumulative default rate', max: top * 1.08,
      axisLabel: {formatter: pctTick}};
    o.tooltip.valueFormatter = function (v) { return pct(v, 2); };
    o.series = spec.methods.map(function (m) {
      return {name: 'target: ' + m.name, type: 'line', data: m.targets, symbolSize: 6,
        connectNulls: true};
    });
    spec.tranches.forEach(function (t, i) {
      var color = palette[(i + spec.methods.length) % palette.length];
      o.series.push({name: t.name + ' critical ' + pct(t.rate, 2), type: 'line', data: [],
        color: color, markLine: {symbol: 'none', data: [{yAxis: t.rate,
          lineStyle: {color: color, type: 'dashed', width: 1.5},
          label: {formatter: t.name, position: 'insideEndTop'}}]}});
    });
    return o;
  };

  // the sizing curve: the tested sizes' measure and the target's threshold, the answer marked
  builders.sizing = function (spec) {
    var o = base(spec);
    o.xAxis = {type: 'value', name: spec.tranche + ' share of the plan', nameLocation: 'middle',
      nameGap: 28, min: spec.xMin, max: spec.xMax, axisLabel: {formatter: pctTick}};
    o.yAxis = spec.log
      ? {type: 'log', name: spec.measure, logBase: 10, axisLabel: {formatter: probTick}}
      : {type: 'value', name: spec.measure, axisLabel: {formatter: pctTick}};
    o.tooltip = {trigger: 'axis', confine: true, formatter: function (ps) {
      var x = ps[0].value[0];
      return 'share ' + pct(x, 2) + '<br>' + ps.map(function (p) {
        return esc(p.seriesName) + ': ' + (p.value[1] == null ? '-' : pct(p.value[1], 5));
      }).join('<br>');
    }};
    o.series = [
      {name: spec.measure, type: 'line', data: spec.measured, symbolSize: 7},
      {name: 'target threshold', type: 'line', data: spec.threshold, symbolSize: 4,
        lineStyle: {type: 'dashed'}}
    ];
    if (spec.answer != null) {
      o.series[0].markLine = {symbol: 'none', data: [{xAxis: spec.answer,
        lineStyle: {color: '#4f8a3c', width: 2},
        label: {formatter: 'largest meeting the target ' + pct(spec.answer, 2),
          position: 'insideEndTop'}}]};
    }
    return o;
  };

  var charts = [];
  data.charts.forEach(function (spec) {
    var chart = echarts.init(document.getElementById(spec.id), null, {renderer: 'canvas'});
    chart.setOption(builders[spec.type](spec));
    charts.push(chart);
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
  document.body.setAttribute('data-charts-rendered', String(charts.length));
})();
