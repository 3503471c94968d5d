using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);

var connectionString = Environment.GetEnvironmentVariable("TODO_DB")
    ?? builder.Configuration.GetConnectionString("Todos");
builder.Services.AddDbContext<TodoDb>(options => options.UseNpgsql(connectionString));
builder.Services.AddStackExchangeRedisCache(options =>
    options.Configuration = Environment.GetEnvironmentVariable("REDIS_CONNECTION") ?? "localhost:6379");
builder.Services.AddHealthChecks().AddNpgSql(connectionString!);

var app = builder.Build();

app.MapHealthChecks("/healthz");
app.MapGet("/todos", async (TodoDb db) => await db.Todos.OrderBy(t => t.Id).ToListAsync());
app.MapPost("/todos", async (Todo todo, TodoDb db) =>
{
    db.Todos.Add(todo);
    await db.SaveChangesAsync();
    return Results.Created($"/todos/{todo.Id}", todo);
});

app.Run();

public record Todo(int Id, string Title, bool Done);

public class TodoDb(DbContextOptions<TodoDb> options) : DbContext(options)
{
    public DbSet<Todo> Todos => Set<Todo>();
}
