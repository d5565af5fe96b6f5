-- wrk request for bench/agent: the emulator's no-op request capacity, one CodePipeline
-- PollForJobs on the empty queue of an action type no agent polls.
wrk.method = "POST"
wrk.path = "/"
wrk.headers["X-Amz-Target"] = "CodePipeline_20150709.PollForJobs"
wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
wrk.body = '{"actionTypeId":{"category":"Build","owner":"Custom","provider":"BatonBenchCapacity","version":"1"},"maxBatchSize":1}'
