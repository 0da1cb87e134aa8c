/*
 * humaskit's JupyterLab extension, written by hand (no build step): a module-federation
 * container as JupyterLab loads its prebuilt extensions (window._JUPYTERLAB[name] with
 * init/get), taking @jupyterlab/cells from the share scope JupyterLab's core provides.
 *
 * A cell run before the notebook's kernel exists waits for it. JupyterLab's
 * CodeCell.execute returns at once, clearing the cell, when the notebook's session has no
 * kernel yet: a "Run All" pressed while the notebook is still starting its kernel (on a
 * loaded classroom server, several seconds after the notebook shows) was silently dropped,
 * every cell left [ ]. Here such a cell shows [*], waits until the session has its kernel
 * (in the order the cells were run), then runs as JupyterLab runs it. A notebook left with
 * no kernel at all (the participant chose "No Kernel") is cleared as before.
 */
var _JUPYTERLAB;
(function () {
  "use strict";
  var NAME = "@humaskit/lab";
  var shareScope = null;

  /* The newest version of a shared module that JupyterLab's core put in the share scope. */
  function shared(name) {
    var versions = (shareScope && shareScope[name]) || {};
    var newest = Object.keys(versions).sort(function (a, b) {
      return a.localeCompare(b, undefined, { numeric: true });
    }).pop();
    if (!newest) {
      return Promise.reject(new Error(NAME + ": " + name + " is not shared by JupyterLab"));
    }
    return Promise.resolve(versions[newest].get()).then(function (factory) {
      return factory();
    });
  }

  var waiting = new WeakMap(); // session context -> promise of its kernel (or null)

  /* The session's kernel once it exists; null when the notebook is left without one. */
  function kernelOf(context) {
    var kernel = context.session && context.session.kernel;
    if (kernel) {
      return Promise.resolve(kernel);
    }
    if (!waiting.has(context)) {
      waiting.set(context, new Promise(function (resolve) {
        function settle() {
          var now = context.session && context.session.kernel;
          var none = context.isDisposed || (context.isReady && !context.isRestarting &&
            context.hasNoKernel && !now);
          if (now || none) {
            context.kernelChanged.disconnect(settle);
            context.sessionChanged.disconnect(settle);
            waiting.delete(context);
            resolve(now || null);
          }
        }
        context.kernelChanged.connect(settle);
        context.sessionChanged.connect(settle);
        context.ready.then(settle, settle);
      }));
    }
    return waiting.get(context);
  }

  function waitForKernel(CodeCell) {
    var execute = CodeCell.execute;
    CodeCell.execute = function (cell, context, metadata) {
      var model = cell.model;
      var pending = model.sharedModel.getSource().trim() && context && context.kernelChanged &&
        !(context.session && context.session.kernel);
      if (!pending) {
        return execute.call(this, cell, context, metadata);
      }
      model.executionState = "running"; // the prompt shows [*] while the kernel starts
      var self = this;
      return kernelOf(context).then(function () {
        return execute.call(self, cell, context, metadata);
      });
    };
  }

  var plugin = {
    id: NAME + ":run-waits-for-kernel",
    description: "A cell run before the notebook's kernel exists waits for it.",
    autoStart: true,
    activate: function () {
      return shared("@jupyterlab/cells").then(function (cells) {
        waitForKernel(cells.CodeCell);
      });
    }
  };

  var container = {
    init: function (scope) {
      shareScope = scope;
    },
    get: function (module) {
      if (module !== "./extension") {
        return Promise.reject(new Error(NAME + ": no module " + module));
      }
      return Promise.resolve(function () {
        return { __esModule: true, default: plugin };
      });
    }
  };
  (_JUPYTERLAB = _JUPYTERLAB === undefined ? {} : _JUPYTERLAB)[NAME] = container;
})();
