import RedressCLI

RedressCommand.main()
