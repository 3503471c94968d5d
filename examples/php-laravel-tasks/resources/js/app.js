document.querySelectorAll('[data-due]').forEach((el) => el.classList.add('due'));
