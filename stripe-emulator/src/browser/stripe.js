/*
 * Stripe.js stand-in served by the Stripe emulator (GET /v3/stripe.js).
 *
 * Plain ES2017 so it runs as-is in any browser: no build step, no modules. It implements the
 * part of Stripe.js that @stripe/react-stripe-js and a PaymentElement checkout use, and talks to
 * the emulator whose address the server writes into API_BASE when it serves this file.
 */
// The script is written in the prototype style of Stripe.js's own API surface, where callbacks
// reach their element through `self`.
/* eslint-disable @typescript-eslint/no-this-alias */
(function () {
  "use strict";

  var API_BASE = "__STRIPE_EMULATOR_API_BASE__";
  var FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  var COUNTRIES = [
    ["US", "United States"],
    ["GB", "United Kingdom"],
    ["CA", "Canada"],
    ["AU", "Australia"],
    ["DE", "Germany"],
    ["FR", "France"],
    ["NL", "Netherlands"],
    ["ES", "Spain"],
    ["IT", "Italy"],
    ["JP", "Japan"],
  ];
  var uid = 0;

  // ---------------------------------------------------------------------------------------------
  // Talking to the emulator

  function encodeForm(value, prefix, pairs) {
    pairs = pairs || [];
    if (value === undefined || value === null) return pairs;
    if (typeof value === "object") {
      Object.keys(value).forEach(function (key) {
        encodeForm(value[key], prefix ? prefix + "[" + key + "]" : key, pairs);
      });
    } else {
      pairs.push(
        encodeURIComponent(prefix).replace(/%5B/g, "[").replace(/%5D/g, "]") +
          "=" +
          encodeURIComponent(String(value)),
      );
    }
    return pairs;
  }

  function request(method, path, key, params) {
    var body = encodeForm(params || {}).join("&");
    var url = API_BASE + path + (method === "GET" && body ? "?" + body : "");
    var headers = { Authorization: "Bearer " + key };
    if (method !== "GET") headers["Content-Type"] = "application/x-www-form-urlencoded";
    return fetch(url, {
      method: method,
      headers: headers,
      body: method === "GET" ? undefined : body,
    })
      .then(function (response) {
        return response.json().then(function (json) {
          return response.ok ? { data: json } : { error: json.error };
        });
      })
      .catch(function () {
        return {
          error: {
            type: "api_connection_error",
            message: "Could not reach the Stripe emulator at " + API_BASE + ".",
          },
        };
      });
  }

  function control(path, body) {
    return fetch(API_BASE + "/_emulator" + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  }

  function integrationError(message) {
    var error = new Error(message);
    error.name = "IntegrationError";
    return error;
  }

  function intentIdFrom(clientSecret) {
    if (typeof clientSecret !== "string" || clientSecret.indexOf("_secret_") < 0) {
      throw integrationError("Invalid value for clientSecret: expected pi_…_secret_….");
    }
    return clientSecret.split("_secret_")[0];
  }

  // ---------------------------------------------------------------------------------------------
  // Card validation, with Stripe.js's codes and wording

  function digitsOf(text) {
    return String(text || "").replace(/\D/g, "");
  }

  function isAmex(digits) {
    return /^3[47]/.test(digits);
  }

  function passesLuhn(digits) {
    var sum = 0;
    var double = false;
    for (var i = digits.length - 1; i >= 0; i--) {
      var digit = Number(digits[i]);
      if (double) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
      double = !double;
    }
    return sum % 10 === 0;
  }

  function problem(code, message) {
    return { type: "validation_error", code: code, message: message };
  }

  // `final` is true once the customer has left the field or submits: only then is "too short"
  // an error, exactly like Stripe's fields that do not nag while you type.
  function numberProblem(value, final) {
    var digits = digitsOf(value);
    var length = isAmex(digits) ? 15 : 16;
    if (digits.length < length) {
      return final ? problem("incomplete_number", "Your card number is incomplete.") : null;
    }
    if (!passesLuhn(digits)) return problem("invalid_number", "Your card number is invalid.");
    return null;
  }

  function parseExpiry(value) {
    var digits = digitsOf(value);
    return { month: Number(digits.slice(0, 2)), year: Number(digits.slice(2, 4)), digits: digits };
  }

  function expiryProblem(value, final) {
    var expiry = parseExpiry(value);
    if (expiry.digits.length < 4) {
      return final
        ? problem("incomplete_expiry", "Your card's expiration date is incomplete.")
        : null;
    }
    if (expiry.month < 1 || expiry.month > 12) {
      return problem("invalid_expiry_month", "Your card's expiration date is invalid.");
    }
    var now = new Date();
    var thisYear = now.getFullYear() % 100;
    if (expiry.year < thisYear) {
      return problem("invalid_expiry_year_past", "Your card's expiration date is in the past.");
    }
    if (expiry.year === thisYear && expiry.month < now.getMonth() + 1) {
      return problem("invalid_expiry_month_past", "Your card's expiration date is in the past.");
    }
    return null;
  }

  function cvcProblem(value, number, final) {
    var length = isAmex(digitsOf(number)) ? 4 : 3;
    if (digitsOf(value).length < length) {
      return final ? problem("incomplete_cvc", "Your card's security code is incomplete.") : null;
    }
    return null;
  }

  function formatNumber(value) {
    var digits = digitsOf(value);
    if (isAmex(digits)) {
      digits = digits.slice(0, 15);
      return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)].filter(Boolean).join(" ");
    }
    return (digits.slice(0, 16).match(/.{1,4}/g) || []).join(" ");
  }

  function formatExpiry(value) {
    var digits = digitsOf(value);
    if (digits.length === 1 && Number(digits) > 1) digits = "0" + digits;
    digits = digits.slice(0, 4);
    return digits.length > 2 ? digits.slice(0, 2) + " / " + digits.slice(2) : digits;
  }

  // ---------------------------------------------------------------------------------------------
  // Small DOM helpers

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "style") node.style.cssText = attributes.style;
      else if (name === "text") node.textContent = attributes.text;
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(child);
    });
    return node;
  }

  var INPUT_STYLE =
    "display:block;width:100%;box-sizing:border-box;padding:10px 12px;margin-top:4px;" +
    "font:16px " +
    FONT +
    ";color:#30313d;background:#fff;border:1px solid #e6e6e6;" +
    "border-radius:6px;box-shadow:0 1px 1px rgba(0,0,0,.03)";
  var ERROR_STYLE = "margin:4px 0 0;color:#df1b41;font-size:14px";

  // ---------------------------------------------------------------------------------------------
  // The Payment Element (card only)

  function PaymentElement(group, options) {
    this._group = group;
    this._options = options || {};
    this._listeners = {};
    this._node = null;
    this._fields = null;
    this._ready = false;
    this._destroyed = false;
    this._hasFocus = false;
  }

  PaymentElement.prototype.on = function (type, handler) {
    (this._listeners[type] = this._listeners[type] || []).push(handler);
    // React attaches listeners in an effect that can run after mount finished; a late "ready"
    // listener is told at once so it does not wait forever.
    if (type === "ready" && this._ready) {
      var self = this;
      setTimeout(function () {
        handler({ elementType: "payment", element: self });
      }, 0);
    }
    return this;
  };

  PaymentElement.prototype.off = function (type, handler) {
    if (!handler) delete this._listeners[type];
    else
      this._listeners[type] = (this._listeners[type] || []).filter(function (h) {
        return h !== handler;
      });
    return this;
  };

  PaymentElement.prototype.once = function (type, handler) {
    var self = this;
    function wrapper(event) {
      self.off(type, wrapper);
      handler(event);
    }
    return this.on(type, wrapper);
  };

  PaymentElement.prototype._emit = function (type, event) {
    (this._listeners[type] || []).slice().forEach(function (handler) {
      handler(event);
    });
  };

  PaymentElement.prototype.mount = function (target) {
    var node = typeof target === "string" ? document.querySelector(target) : target;
    if (!node)
      throw integrationError(
        "The selector you specified (" + target + ") applies to no DOM elements.",
      );
    if (this._destroyed) throw integrationError("This Element has already been destroyed.");

    this._node = node;
    node.innerHTML = "";
    node.appendChild(this._render());
    var self = this;
    setTimeout(function () {
      self._ready = true;
      self._emit("ready", { elementType: "payment" });
    }, 0);
  };

  PaymentElement.prototype._field = function (name, label, input) {
    var id = "stripe-emulator-" + name + "-" + ++uid;
    input.id = id;
    input.setAttribute("style", INPUT_STYLE);
    input.setAttribute("aria-describedby", id + "-error");
    var error = el("p", { id: id + "-error", role: "alert", style: ERROR_STYLE });
    var wrapper = el("div", { style: "flex:1 1 140px;min-width:0;margin-bottom:12px" }, [
      el("label", { for: id, text: label, style: "display:block;font-size:14px;color:#30313d" }),
      input,
      error,
    ]);
    return { wrapper: wrapper, input: input, error: error, touched: false };
  };

  PaymentElement.prototype._render = function () {
    var self = this;
    var number = this._field(
      "number",
      "Card number",
      el("input", {
        type: "text",
        inputmode: "numeric",
        autocomplete: "cc-number",
        placeholder: "1234 1234 1234 1234",
        name: "cardnumber",
      }),
    );
    var expiry = this._field(
      "expiry",
      "Expiration date",
      el("input", {
        type: "text",
        inputmode: "numeric",
        autocomplete: "cc-exp",
        placeholder: "MM / YY",
        name: "exp-date",
      }),
    );
    var cvc = this._field(
      "cvc",
      "Security code",
      el("input", {
        type: "text",
        inputmode: "numeric",
        autocomplete: "cc-csc",
        placeholder: "CVC",
        name: "cvc",
        maxlength: "4",
      }),
    );
    var countrySelect = el(
      "select",
      { autocomplete: "country", name: "country" },
      COUNTRIES.map(function (entry) {
        return el("option", { value: entry[0], text: entry[1] });
      }),
    );
    var country = this._field("country", "Country", countrySelect);
    this._fields = { number: number, expiry: expiry, cvc: cvc, country: country };

    number.input.addEventListener("input", function () {
      number.input.value = formatNumber(number.input.value);
      self._onInput("number");
    });
    expiry.input.addEventListener("input", function () {
      expiry.input.value = formatExpiry(expiry.input.value);
      self._onInput("expiry");
    });
    cvc.input.addEventListener("input", function () {
      cvc.input.value = digitsOf(cvc.input.value).slice(0, 4);
      self._onInput("cvc");
    });
    countrySelect.addEventListener("change", function () {
      self._emitChange();
    });
    ["number", "expiry", "cvc"].forEach(function (name) {
      self._fields[name].input.addEventListener("blur", function () {
        if (self._fields[name].input.value !== "") self._fields[name].touched = true;
        self._showProblems(false);
      });
    });

    var root = el(
      "div",
      {
        "data-stripe-emulator": "payment-element",
        style: "font-family:" + FONT + ";color:#30313d;max-width:100%;box-sizing:border-box",
      },
      [
        el("p", {
          text: "Stripe emulator — test mode",
          style:
            "margin:0 0 12px;padding:4px 8px;display:inline-block;font-size:12px;" +
            "font-weight:600;color:#8a4b00;background:#fff4d6;border-radius:4px",
        }),
        number.wrapper,
        el("div", { style: "display:flex;flex-wrap:wrap;gap:0 12px" }, [
          expiry.wrapper,
          cvc.wrapper,
        ]),
        country.wrapper,
      ],
    );
    root.addEventListener("focusin", function () {
      if (self._hasFocus) return;
      self._hasFocus = true;
      self._emit("focus", { elementType: "payment" });
    });
    root.addEventListener("focusout", function (event) {
      if (event.relatedTarget && root.contains(event.relatedTarget)) return;
      self._hasFocus = false;
      self._emit("blur", { elementType: "payment" });
    });
    return root;
  };

  PaymentElement.prototype._values = function () {
    var f = this._fields;
    return {
      number: f.number.input.value,
      expiry: f.expiry.input.value,
      cvc: f.cvc.input.value,
      country: f.country.input.value,
    };
  };

  PaymentElement.prototype._problems = function (final) {
    var v = this._values();
    return {
      number: numberProblem(v.number, final),
      expiry: expiryProblem(v.expiry, final),
      cvc: cvcProblem(v.cvc, v.number, final),
    };
  };

  PaymentElement.prototype._onInput = function (name) {
    // A full-length number that fails the check digit is flagged at once, as Stripe does.
    if (name === "number" && numberProblem(this._fields.number.input.value, false)) {
      this._fields.number.touched = true;
    }
    this._showProblems(false);
    this._emitChange();
  };

  // Shows each touched field's problem; `all` (on submit) touches every field first.
  PaymentElement.prototype._showProblems = function (all) {
    var fields = this._fields;
    var finalProblems = this._problems(true);
    ["number", "expiry", "cvc"].forEach(function (name) {
      var field = fields[name];
      if (all) field.touched = true;
      var message = field.touched && finalProblems[name] ? finalProblems[name].message : "";
      field.error.textContent = message;
      field.input.setAttribute("aria-invalid", message ? "true" : "false");
      field.input.style.borderColor = message ? "#df1b41" : "#e6e6e6";
    });
    return (
      ["number", "expiry", "cvc"]
        .map(function (name) {
          return finalProblems[name];
        })
        .filter(Boolean)[0] || null
    );
  };

  PaymentElement.prototype._emitChange = function () {
    var v = this._values();
    var problems = this._problems(true);
    this._emit("change", {
      elementType: "payment",
      collapsed: false,
      complete: !problems.number && !problems.expiry && !problems.cvc,
      empty: !v.number && !v.expiry && !v.cvc,
      value: { type: "card" },
    });
  };

  /** Validates for submit: shows every problem and answers the first, or null. */
  PaymentElement.prototype._validate = function () {
    if (!this._fields) return problem("incomplete", "The Payment Element is not mounted.");
    var first = this._showProblems(true);
    if (first) {
      var fields = this._fields;
      var name = ["number", "expiry", "cvc"].filter(function (n) {
        return fields[n].error.textContent;
      })[0];
      if (name) fields[name].input.focus();
    }
    return first;
  };

  PaymentElement.prototype._paymentMethodParams = function () {
    var v = this._values();
    var expiry = parseExpiry(v.expiry);
    return {
      type: "card",
      card: {
        number: digitsOf(v.number),
        exp_month: expiry.month,
        exp_year: 2000 + expiry.year,
        cvc: digitsOf(v.cvc),
      },
      billing_details: { address: { country: v.country } },
    };
  };

  PaymentElement.prototype.update = function (options) {
    Object.assign(this._options, options || {});
  };
  PaymentElement.prototype.focus = function () {
    if (this._fields) this._fields.number.input.focus();
  };
  PaymentElement.prototype.blur = function () {
    if (this._node && this._node.contains(document.activeElement)) document.activeElement.blur();
  };
  PaymentElement.prototype.clear = function () {
    if (!this._fields) return;
    var fields = this._fields;
    ["number", "expiry", "cvc"].forEach(function (name) {
      fields[name].input.value = "";
      fields[name].touched = false;
    });
    this._showProblems(false);
    this._emitChange();
  };
  PaymentElement.prototype.collapse = function () {};
  PaymentElement.prototype.unmount = function () {
    if (this._node) this._node.innerHTML = "";
    this._node = null;
    this._fields = null;
    this._ready = false;
  };
  PaymentElement.prototype.destroy = function () {
    this.unmount();
    this._destroyed = true;
    this._listeners = {};
    this._group._elements = this._group._elements.filter(function (e) {
      return e !== this;
    }, this);
  };

  // ---------------------------------------------------------------------------------------------
  // Elements group

  function Elements(stripe, options) {
    this._stripe = stripe;
    this._options = options || {};
    this._elements = [];
  }

  Elements.prototype.create = function (type, options) {
    if (type !== "payment") {
      throw integrationError(
        "The Stripe emulator only provides the 'payment' Element, not '" + type + "'.",
      );
    }
    var element = new PaymentElement(this, options);
    element._type = type;
    this._elements.push(element);
    return element;
  };

  Elements.prototype.getElement = function (type) {
    return (
      this._elements.filter(function (e) {
        return e._type === type;
      })[0] || null
    );
  };

  Elements.prototype.update = function (options) {
    Object.assign(this._options, options || {});
  };

  Elements.prototype.fetchUpdates = function () {
    return Promise.resolve({});
  };

  Elements.prototype.submit = function () {
    var element = this.getElement("payment");
    if (!element) {
      return Promise.resolve({
        error: problem("invalid_request_error", "No Payment Element is mounted."),
      });
    }
    var error = element._validate();
    return Promise.resolve(error ? { error: error } : {});
  };

  // ---------------------------------------------------------------------------------------------
  // 3-D Secure challenge dialog

  function runChallenge(intent) {
    return new Promise(function (resolve) {
      var previousFocus = document.activeElement;
      var titleId = "stripe-emulator-3ds-title-" + ++uid;
      var amount = (intent.amount / 100).toFixed(2) + " " + String(intent.currency).toUpperCase();
      var buttonStyle =
        "display:block;width:100%;padding:12px;margin-top:10px;border:0;" +
        "border-radius:6px;font:600 16px " +
        FONT +
        ";color:#fff;cursor:pointer";
      var complete = el("button", {
        type: "button",
        text: "Complete authentication",
        style: buttonStyle + ";background:#1a7f37",
      });
      var fail = el("button", {
        type: "button",
        text: "Fail authentication",
        style: buttonStyle + ";background:#b42318",
      });
      var dialog = el(
        "div",
        {
          role: "dialog",
          "aria-modal": "true",
          "aria-labelledby": titleId,
          style:
            "background:#fff;border-radius:8px;padding:24px;width:min(400px,calc(100vw - 32px));" +
            "box-sizing:border-box;font-family:" +
            FONT +
            ";color:#30313d",
        },
        [
          el("h2", {
            id: titleId,
            text: "3D Secure 2 Test Page",
            style: "margin:0 0 8px;font-size:20px",
          }),
          el("p", {
            text: "Stripe emulator — test mode. Authenticate the payment of " + amount + ".",
            style: "margin:0 0 8px",
          }),
          complete,
          fail,
        ],
      );
      var overlay = el(
        "div",
        {
          "data-stripe-emulator": "three-d-secure",
          style:
            "position:fixed;inset:0;z-index:2147483647;display:flex;align-items:center;" +
            "justify-content:center;background:rgba(0,0,0,.5)",
        },
        [dialog],
      );

      function answer(result) {
        complete.disabled = true;
        fail.disabled = true;
        document.removeEventListener("keydown", onKey, true);
        control("/payment_intents/" + intent.id + "/three_d_secure", { result: result })
          .catch(function () {})
          .then(function () {
            overlay.remove();
            if (previousFocus && previousFocus.focus) previousFocus.focus();
            resolve(result);
          });
      }
      function onKey(event) {
        // Closing Stripe's challenge abandons it, which fails the authentication.
        if (event.key === "Escape") {
          event.preventDefault();
          answer("fail");
        } else if (event.key === "Tab") {
          event.preventDefault();
          (document.activeElement === complete ? fail : complete).focus();
        }
      }
      complete.addEventListener("click", function () {
        answer("complete");
      });
      fail.addEventListener("click", function () {
        answer("fail");
      });
      document.addEventListener("keydown", onKey, true);
      document.body.appendChild(overlay);
      complete.focus();
    });
  }

  // ---------------------------------------------------------------------------------------------
  // The Stripe object

  function StripeInstance(key, options) {
    this._key = key;
    this._options = options || {};
  }

  StripeInstance.prototype._registerWrapper = function () {};
  StripeInstance.prototype.registerAppInfo = function () {};

  StripeInstance.prototype.elements = function (options) {
    return new Elements(this, options);
  };

  StripeInstance.prototype.retrievePaymentIntent = function (clientSecret) {
    var id = intentIdFrom(clientSecret);
    return request("GET", "/v1/payment_intents/" + id, this._key, {
      client_secret: clientSecret,
    }).then(function (result) {
      return result.error ? { error: result.error } : { paymentIntent: result.data };
    });
  };

  StripeInstance.prototype._createPaymentMethodFrom = function (element) {
    var error = element._validate();
    if (error) return Promise.resolve({ error: error });
    return request("POST", "/v1/payment_methods", this._key, element._paymentMethodParams()).then(
      function (result) {
        return result.error ? { error: result.error } : { paymentMethod: result.data };
      },
    );
  };

  StripeInstance.prototype.createPaymentMethod = function (options) {
    options = options || {};
    var element = options.elements ? options.elements.getElement("payment") : options.card;
    if (!element || !element._paymentMethodParams) {
      return Promise.reject(integrationError("createPaymentMethod needs `elements` or `card`."));
    }
    return this._createPaymentMethodFrom(element);
  };

  StripeInstance.prototype.createToken = function () {
    return Promise.resolve({
      error: {
        type: "invalid_request_error",
        message: "The Stripe emulator does not create tokens.",
      },
    });
  };

  // Confirms with a PaymentMethod id, runs any challenge, and answers the way confirmPayment does.
  StripeInstance.prototype._confirm = function (clientSecret, paymentMethodId, returnUrl) {
    var self = this;
    var id = intentIdFrom(clientSecret);
    var params = {
      client_secret: clientSecret,
      payment_method: paymentMethodId,
      use_stripe_sdk: "true",
    };
    if (returnUrl) params.return_url = returnUrl;
    return request("POST", "/v1/payment_intents/" + id + "/confirm", this._key, params).then(
      function (result) {
        if (result.error) return { error: result.error };
        return self._afterConfirm(result.data, clientSecret);
      },
    );
  };

  StripeInstance.prototype._afterConfirm = function (intent, clientSecret) {
    var self = this;
    if (intent.status !== "requires_action") return { paymentIntent: intent };
    return runChallenge(intent)
      .then(function () {
        return self.retrievePaymentIntent(clientSecret);
      })
      .then(function (result) {
        if (result.error) return result;
        var updated = result.paymentIntent;
        if (updated.status === "requires_payment_method" && updated.last_payment_error) {
          var error = Object.assign({}, updated.last_payment_error, { payment_intent: updated });
          return { error: error };
        }
        return { paymentIntent: updated };
      });
  };

  StripeInstance.prototype.confirmPayment = function (options) {
    var self = this;
    options = options || {};
    var elements = options.elements;
    var confirmParams = options.confirmParams || {};
    var redirect = options.redirect || "always";
    var clientSecret = options.clientSecret || (elements && elements._options.clientSecret);
    if (!clientSecret) {
      return Promise.reject(
        integrationError(
          "stripe.confirmPayment(): a clientSecret is needed, in elements() options or here.",
        ),
      );
    }
    if (redirect === "always" && !confirmParams.return_url) {
      return Promise.reject(
        integrationError(
          "stripe.confirmPayment(): the `confirmParams.return_url` argument is required unless " +
            "passing `redirect: 'if_required'`",
        ),
      );
    }

    var paymentMethod;
    if (typeof confirmParams.payment_method === "string") {
      paymentMethod = Promise.resolve({ paymentMethod: { id: confirmParams.payment_method } });
    } else {
      var element = elements && elements.getElement("payment");
      if (!element) {
        return Promise.reject(integrationError("stripe.confirmPayment(): no Payment Element."));
      }
      paymentMethod = this._createPaymentMethodFrom(element);
    }

    return paymentMethod
      .then(function (created) {
        if (created.error) return created;
        return self._confirm(clientSecret, created.paymentMethod.id, confirmParams.return_url);
      })
      .then(function (result) {
        if (result.error || redirect !== "always") return result;
        var target = new URL(confirmParams.return_url, window.location.href);
        target.searchParams.set("payment_intent", result.paymentIntent.id);
        target.searchParams.set("payment_intent_client_secret", clientSecret);
        target.searchParams.set(
          "redirect_status",
          result.paymentIntent.status === "succeeded" ? "succeeded" : "pending",
        );
        window.location.assign(target.toString());
        // Like Stripe.js, the promise never settles once the page is navigating away.
        return new Promise(function () {});
      });
  };

  StripeInstance.prototype.confirmCardPayment = function (clientSecret, data) {
    var self = this;
    data = data || {};
    var method = data.payment_method;
    var created;
    if (typeof method === "string") created = Promise.resolve({ paymentMethod: { id: method } });
    else if (method && method.card) created = this._createPaymentMethodFrom(method.card);
    else {
      return this.retrievePaymentIntent(clientSecret).then(function (result) {
        if (result.error) return result;
        var existing = result.paymentIntent.payment_method;
        if (!existing) {
          return { error: problem("payment_intent_unexpected_state", "No payment method given.") };
        }
        return self._confirm(clientSecret, existing.id || existing, data.return_url);
      });
    }
    return created.then(function (result) {
      if (result.error) return result;
      return self._confirm(clientSecret, result.paymentMethod.id, data.return_url);
    });
  };

  StripeInstance.prototype.handleNextAction = function (options) {
    var self = this;
    var clientSecret = options && options.clientSecret;
    return this.retrievePaymentIntent(clientSecret).then(function (result) {
      if (result.error) return result;
      return self._afterConfirm(result.paymentIntent, clientSecret);
    });
  };
  StripeInstance.prototype.handleCardAction = function (clientSecret) {
    return this.handleNextAction({ clientSecret: clientSecret });
  };

  function Stripe(key, options) {
    if (typeof key !== "string" || !/^pk_test_/.test(key)) {
      throw integrationError("The Stripe emulator needs a pk_test_ publishable key.");
    }
    return new StripeInstance(key, options);
  }
  // The release train @stripe/stripe-js 10 expects, so it does not warn about a mismatch.
  Stripe.version = "endive";
  Stripe.emulator = { apiBase: API_BASE };

  window.Stripe = Stripe;
})();
