from newsclaims.cli import main

raise SystemExit(main())
