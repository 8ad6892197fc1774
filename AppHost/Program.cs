Console.WriteLine("AppHost not written yet");
