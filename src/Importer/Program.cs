Console.WriteLine("importer not written yet");
