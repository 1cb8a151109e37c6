import RedressCLI

RedressCommand.runCommandLine()
