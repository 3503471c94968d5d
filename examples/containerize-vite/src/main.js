const app = document.querySelector('#app');
app.innerHTML = '<h1>Hello from Vite</h1><p>Routed on the client: every path serves this page.</p>';
