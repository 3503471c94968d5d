const { Worker } = require('bullmq');
const { connection } = require('@invoicing/shared');
new Worker('invoices', async (job) => renderPdf(job.data), { connection, concurrency: Number(process.env.CONCURRENCY || 4) });
function renderPdf(data) { return data; }
