module.exports.flags = { newCheckout: true, darkMode: false };
