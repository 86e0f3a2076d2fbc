import { testEnv } from "./test-config";

Object.assign(process.env, testEnv({ DATABASE_URL: "postgresql://unit-tests-never-connect@127.0.0.1:1/none" }));
