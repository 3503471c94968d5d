var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls("http://0.0.0.0:5005");
var app = builder.Build();
app.MapGet("/health/ready", () => "ok");
app.Run();
