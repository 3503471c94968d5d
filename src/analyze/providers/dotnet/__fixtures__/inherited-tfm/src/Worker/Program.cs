var queue = Environment.GetEnvironmentVariable("QUEUE_NAME") ?? "jobs";
Console.WriteLine($"consuming {queue}");
